/**
 * User groups: the built-in guests, members, moderators and admins (mapped from roles) and custom groups with a
 * banner, a member's primary and secondary groups, and the admin service that manages them.
 */
package dev.forumkit.core.group;
