/**
 * The storage ports bundle and transactions. Adapters implement {@link dev.forumkit.core.storage.ForumStorage}
 * and prove themselves with the forum-testkit contract suite.
 */
package dev.forumkit.core.storage;
