/**
 * Where uploaded bytes live: the {@link dev.forumkit.core.blob.BlobStore} port, its filesystem adapter and the keys it
 * hands out. Blobs are named by random keys, never by a client's file name.
 */
package dev.forumkit.core.blob;
