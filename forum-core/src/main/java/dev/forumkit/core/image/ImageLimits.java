package dev.forumkit.core.image;

/**
 * Bounds of the image pipeline: the most pixels an uploaded image may declare (checked in its header, before any
 * decoding: a decompression bomb declares billions), the longest side of the stored full-size image and of the
 * thumbnail, and how many images are decoded at once (each takes up to about 50 MB of heap).
 */
public record ImageLimits(long maxPixels, int maxSide, int thumbnailSide, int concurrentDecodes) {
    /** 50 megapixels declared; 2048 px full size, 320 px thumbnails; two decodes at once (fits -Xmx256m). */
    public static final ImageLimits DEFAULTS = new ImageLimits(50_000_000L, 2048, 320, 2);

    public ImageLimits {
        if (maxPixels < 1 || maxSide < 16 || thumbnailSide < 16 || thumbnailSide > maxSide || concurrentDecodes < 1) {
            throw new IllegalArgumentException("image limits: positive pixels, sides of 16 or more, thumbnail within"
                    + " the full size, at least one decode");
        }
    }
}
