package dev.forumkit.core.approval;

/** Typed id of a held post; positive, assigned by the storage. */
public record HeldPostId(long value) {
    public HeldPostId {
        if (value <= 0) {
            throw new IllegalArgumentException("held post id must be positive: " + value);
        }
    }

    public static HeldPostId of(long value) {
        return new HeldPostId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
