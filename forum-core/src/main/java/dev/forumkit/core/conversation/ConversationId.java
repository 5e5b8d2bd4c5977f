package dev.forumkit.core.conversation;

/** Typed id of a conversation; positive, assigned by the storage. */
public record ConversationId(long value) {
    public ConversationId {
        if (value <= 0) {
            throw new IllegalArgumentException("conversation id must be positive: " + value);
        }
    }

    public static ConversationId of(long value) {
        return new ConversationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
