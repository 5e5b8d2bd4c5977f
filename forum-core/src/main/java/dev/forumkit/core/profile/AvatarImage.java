package dev.forumkit.core.profile;

import java.util.Objects;

/** One of a member's avatar images as served: the bytes the server wrote, their type and the avatar's version. */
public record AvatarImage(byte[] bytes, String mediaType, long version) {
    public AvatarImage {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
