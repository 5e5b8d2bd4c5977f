package dev.forumkit.core.attachment;

/** Typed id of an attachment; positive, assigned by the storage. */
public record AttachmentId(long value) {
    public AttachmentId {
        if (value <= 0) {
            throw new IllegalArgumentException("attachment id must be positive: " + value);
        }
    }

    public static AttachmentId of(long value) {
        return new AttachmentId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
