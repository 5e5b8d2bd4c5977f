package dev.forumkit.core.image;

import java.util.Objects;

/**
 * An image as the pipeline re-encoded it: the full-size {@code image} ({@code width} x {@code height}) and its
 * {@code thumbnail}, both in {@code format} ({@code jpeg} for opaque images, {@code png} for ones with transparency),
 * written from decoded pixels only: no metadata, no trailing bytes of the upload.
 */
public record ProcessedImage(byte[] image, int width, int height, byte[] thumbnail, int thumbnailWidth,
                             int thumbnailHeight, String format) {
    public ProcessedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(thumbnail, "thumbnail");
        if (!"jpeg".equals(format) && !"png".equals(format)) {
            throw new IllegalArgumentException("format is jpeg or png: " + format);
        }
    }
}
