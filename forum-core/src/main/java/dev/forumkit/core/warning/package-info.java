/**
 * Warnings: a moderator warns a member for a post with points, a reason and an expiry. Points of warnings not yet
 * expired add up, and reaching a configured threshold bans the member for a while, automatically.
 */
package dev.forumkit.core.warning;
