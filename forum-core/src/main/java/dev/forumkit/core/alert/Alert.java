package dev.forumkit.core.alert;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.content.ThreadId;

import java.time.Instant;
import java.util.Objects;

/**
 * One alert for one member: {@code actor} did {@code kind} to content in {@code thread} (the post, and the board
 * for board watches, when the kind has one). {@code detail} is the reaction type of a reaction alert.
 * {@code sourcePosition} is the outbox position of the event that caused it: one event makes at most one alert of a
 * kind per recipient, so a redelivered event adds nothing.
 */
public record Alert(
        AlertId id,
        MemberId recipient,
        AlertKind kind,
        MemberId actor,
        ThreadId thread,
        PostId post,
        BoardId board,
        String detail,
        Instant createdAt,
        boolean read,
        long sourcePosition) {

    public static final int MAX_DETAIL = 64;

    public Alert {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(createdAt, "createdAt");
        if (detail != null && detail.length() > MAX_DETAIL) {
            throw new IllegalArgumentException("alert detail must be at most " + MAX_DETAIL + " characters");
        }
        if (sourcePosition < 0) {
            throw new IllegalArgumentException("source position must not be negative: " + sourcePosition);
        }
    }

    /** A new, unread alert before the storage has given it an id. */
    public static Alert unread(MemberId recipient, AlertKind kind, MemberId actor, ThreadId thread, PostId post,
                               BoardId board, String detail, Instant at, long sourcePosition) {
        return new Alert(null, recipient, kind, actor, thread, post, board, detail, at, false, sourcePosition);
    }

    public Alert withId(AlertId newId) {
        return new Alert(newId, recipient, kind, actor, thread, post, board, detail, createdAt, read, sourcePosition);
    }

    public Alert asRead() {
        return new Alert(id, recipient, kind, actor, thread, post, board, detail, createdAt, true, sourcePosition);
    }

    /** Alerts with the same key are shown as one entry while unread ("kenji and 3 others reacted to your post"). */
    public GroupKey groupKey() {
        return new GroupKey(kind, thread, post);
    }

    /** What unread alerts are grouped by: the kind and the content. */
    public record GroupKey(AlertKind kind, ThreadId thread, PostId post) {
    }
}
