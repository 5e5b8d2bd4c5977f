/**
 * Password reset: a member who forgot a password asks for a link by e-mail address and sets a new password with it.
 * Tokens are single use, valid for an hour, stored as SHA-256 hashes only, and e-mailed by the outbox's mail consumer.
 */
package dev.forumkit.core.reset;
