/**
 * The in-memory storage adapter: thread-safe, transactional, for tests, demos and small embeddings.
 * It passes the same contract suite as the database adapters.
 */
package dev.forumkit.core.memory;
