/**
 * Safe handling of uploaded images: {@link dev.forumkit.core.image.ImagePipeline} checks the pixel count in the header
 * before decoding, decodes within a memory budget and re-encodes a bounded image and a thumbnail from the pixels alone.
 * Attachments use it; avatars can too.
 */
package dev.forumkit.core.image;
