/**
 * Reactions: one per member per post, typed, with configurable score weights.
 * A member's reaction score is the sum of weights received on visible posts and always equals a recount.
 */
package dev.forumkit.core.reaction;
