package dev.forumkit.core.profile;

import dev.forumkit.core.blob.BlobKey;
import dev.forumkit.core.member.MemberId;

import java.util.Objects;

/**
 * A member's uploaded avatar as the server re-encoded it: a {@code large} image (at most {@link AvatarLimits#largeSide()}
 * px on its longer side) and a {@code small} one, both in {@code format} ({@code jpeg} or {@code png}), in the blob
 * store. {@code version} grows with every upload; it is part of the served address, so browsers may cache an avatar
 * for a year and still see a new one at once.
 */
public record Avatar(MemberId member, BlobKey large, BlobKey small, String format, long version) {
    public Avatar {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(large, "large");
        Objects.requireNonNull(small, "small");
        if (!"jpeg".equals(format) && !"png".equals(format)) {
            throw new IllegalArgumentException("an avatar is jpeg or png: " + format);
        }
        if (version < 1) {
            throw new IllegalArgumentException("an avatar version is positive: " + version);
        }
    }

    /** The Content-Type both images are served with. */
    public String mediaType() {
        return "png".equals(format) ? "image/png" : "image/jpeg";
    }
}
