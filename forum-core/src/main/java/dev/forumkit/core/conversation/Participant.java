package dev.forumkit.core.conversation;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/**
 * A member's place in a conversation: when they joined (started, were a first recipient or were invited), when they
 * left (null while they take part), and the last message they read (null: none yet).
 */
public record Participant(ConversationId conversation, MemberId member, Instant joinedAt, Instant leftAt,
                          MessageId lastRead) {
    public Participant {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    public static Participant joining(ConversationId conversation, MemberId member, Instant at) {
        return new Participant(conversation, member, at, null, null);
    }

    public boolean isActive() {
        return leftAt == null;
    }

    /** Whether a conversation whose last message is {@code last} has messages this participant has not read. */
    public boolean hasUnread(MessageId last) {
        return last != null && (lastRead == null || lastRead.value() < last.value());
    }

    public Participant readUpTo(MessageId message) {
        boolean newer = lastRead == null || message.value() > lastRead.value();
        return newer ? new Participant(conversation, member, joinedAt, leftAt, message) : this;
    }

    public Participant leaving(Instant at) {
        return new Participant(conversation, member, joinedAt, at, lastRead);
    }

    /** Invited back after leaving: taking part again from {@code at}, their read state kept. */
    public Participant rejoining(Instant at) {
        return new Participant(conversation, member, at, null, lastRead);
    }
}
