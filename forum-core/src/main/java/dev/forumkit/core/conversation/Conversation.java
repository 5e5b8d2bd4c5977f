package dev.forumkit.core.conversation;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/**
 * A private conversation: its title, starter, whether participants other than the starter may invite more
 * ({@code openInvite}), its last message (id and time, for unread state and the list's order), its message count, and
 * whether a participant has reported one of its messages (then moderators may read it).
 */
public record Conversation(ConversationId id, String title, MemberId starter, boolean openInvite, Instant createdAt,
                           MessageId lastMessage, Instant lastMessageAt, int messageCount, boolean reported) {
    public Conversation {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(starter, "starter");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastMessageAt, "lastMessageAt");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a conversation has a title");
        }
        if (messageCount < 0) {
            throw new IllegalArgumentException("message count must not be negative: " + messageCount);
        }
    }

    /** A new conversation before its first message and id exist. */
    public static Conversation start(String title, MemberId starter, boolean openInvite, Instant at) {
        return new Conversation(null, title, starter, openInvite, at, null, at, 0, false);
    }

    public Conversation withId(ConversationId newId) {
        return new Conversation(newId, title, starter, openInvite, createdAt, lastMessage, lastMessageAt, messageCount, reported);
    }

    /** After a new message: it is the last one, and counted. */
    public Conversation withMessage(Message m) {
        return new Conversation(id, title, starter, openInvite, createdAt, m.id(), m.createdAt(), messageCount + 1, reported);
    }

    public Conversation asReported() {
        return new Conversation(id, title, starter, openInvite, createdAt, lastMessage, lastMessageAt, messageCount, true);
    }
}
