/**
 * Test support for forumkit: a settable clock, fixtures that build forum content through the public services,
 * and {@link dev.forumkit.testkit.ForumStorageContract}, the suite that defines a correct storage adapter.
 * Adapters prove themselves with one test class that extends the contract and creates a fresh storage per test.
 */
package dev.forumkit.testkit;
