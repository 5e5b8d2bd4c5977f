package dev.forumkit.core.post;

/** Typed id of a post; positive, assigned by the storage. */
public record PostId(long value) {
    public PostId {
        if (value <= 0) {
            throw new IllegalArgumentException("post id must be positive: " + value);
        }
    }

    public static PostId of(long value) {
        return new PostId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
