package dev.forumkit.core.profile;

/**
 * Bounds of avatar uploads: the largest file accepted ({@code maxBytes}, counted while reading, before any decoding)
 * and the longer side of the two images the server writes (the profile's {@code largeSide}, the posts' and lists'
 * {@code smallSide}). The pixel limit of the header check is the image pipeline's ({@code ForumConfig.imageLimits}).
 */
public record AvatarLimits(long maxBytes, int largeSide, int smallSide) {
    /** 2 MiB; 384 px and 96 px (twice the largest shown size, for high-density screens). */
    public static final AvatarLimits DEFAULTS = new AvatarLimits(2L * 1024 * 1024, 384, 96);

    public AvatarLimits {
        if (maxBytes < 1024 || maxBytes > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("avatar maxBytes must be 1 KiB .. 64 MiB: " + maxBytes);
        }
        if (smallSide < 16 || largeSide < smallSide || largeSide > 2048) {
            throw new IllegalArgumentException("avatar sides: small of 16 px or more, large within small .. 2048 px");
        }
    }
}
