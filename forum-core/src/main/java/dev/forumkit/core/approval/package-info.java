/**
 * The approval queue: replies and new threads held by rule (a new member's first posts, link-heavy posts, a moderated
 * board) or by a {@link dev.forumkit.core.approval.SpamChecks} verdict, visible to their author and moderators only
 * until a moderator approves them (they become posts then) or rejects them with a reason.
 */
package dev.forumkit.core.approval;
