/**
 * Files members attach to posts: the {@link dev.forumkit.core.attachment.Attachments} storage port, the limits, the
 * type decided from the bytes, and {@link dev.forumkit.core.attachment.AttachmentService}, which stores uploads in a
 * {@link dev.forumkit.core.blob.BlobStore} and serves them only to those who may see their post.
 */
package dev.forumkit.core.attachment;
