package dev.forumkit.core.conversation;

/** Typed id of a message; positive, assigned by the storage. */
public record MessageId(long value) {
    public MessageId {
        if (value <= 0) {
            throw new IllegalArgumentException("message id must be positive: " + value);
        }
    }

    public static MessageId of(long value) {
        return new MessageId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
