/**
 * The contract every {@link dev.forumkit.core.blob.BlobStore} adapter passes. An adapter's test extends
 * {@link dev.forumkit.testkit.blob.BlobStoreContract} and returns a fresh, empty store.
 */
package dev.forumkit.testkit.blob;
