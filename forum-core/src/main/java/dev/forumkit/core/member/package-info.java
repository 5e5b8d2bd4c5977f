/**
 * Members: registering, signing in, profiles, roles and bans, with the {@code Members} port and password hashing.
 * Usernames are unique regardless of case; counters are kept by the services, never written by adapters on update.
 */
package dev.forumkit.core.member;
