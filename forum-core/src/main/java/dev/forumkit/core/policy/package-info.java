/**
 * The permission policy: one table deciding every action for guest, member, banned member, moderator and admin.
 * Services consult it before every command and the web layer uses it for viewer flags.
 */
package dev.forumkit.core.policy;
