/**
 * The audit log: every moderator and admin action, recorded with who, when, what, the target, before/after and the
 * reason, in the same transaction as the action. Entries are only ever appended; nothing edits or deletes them.
 */
package dev.forumkit.core.audit;
