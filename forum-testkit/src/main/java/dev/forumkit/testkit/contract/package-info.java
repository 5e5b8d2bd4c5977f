/**
 * The groups of the storage contract, one abstract class per port or invariant. {@code ForumStorageContract}
 * runs them all; an adapter may also extend a single group while working on it.
 */
package dev.forumkit.testkit.contract;
