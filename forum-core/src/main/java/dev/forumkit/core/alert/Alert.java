package dev.forumkit.core.alert;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.webhook.WebhookId;

import java.time.Instant;
import java.util.Objects;

/**
 * One alert for one member: {@code actor} did {@code kind} to content in {@code thread} (the post, and the board
 * for board watches, when the kind has one). {@code detail} is the reaction type of a reaction alert. An alert about
 * something that is not in a thread has no thread: a report of a member's {@code profile}, or a {@code webhook} the
 * forum disabled. A {@linkplain AlertKind#isSystem() system} alert has no actor: nobody did it.
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
        MemberId profile,
        WebhookId webhook,
        String detail,
        Instant createdAt,
        boolean read,
        long sourcePosition) {

    public static final int MAX_DETAIL = 64;

    public Alert {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        if (actor == null && !kind.isSystem()) {
            throw new IllegalArgumentException("a " + kind + " alert needs the member who acted");
        }
        if (thread == null && profile == null && webhook == null) {
            throw new IllegalArgumentException("an alert is about a thread, a member's profile or a webhook");
        }
        if (post != null && thread == null) {
            throw new IllegalArgumentException("an alert about a post names its thread");
        }
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
        return new Alert(null, recipient, kind, actor, thread, post, board, null, null, detail, at, false, sourcePosition);
    }

    /** A new, unread alert about a member's profile (a report of it), not about anything in a thread. */
    public static Alert aboutProfile(MemberId recipient, AlertKind kind, MemberId actor, MemberId profile, String detail,
                                     Instant at, long sourcePosition) {
        Objects.requireNonNull(profile, "profile");
        return new Alert(null, recipient, kind, actor, null, null, null, profile, null, detail, at, false, sourcePosition);
    }

    /** A new, unread system alert about a webhook (nobody acted: the forum disabled it). */
    public static Alert aboutWebhook(MemberId recipient, AlertKind kind, WebhookId webhook, String detail, Instant at,
                                     long sourcePosition) {
        Objects.requireNonNull(webhook, "webhook");
        return new Alert(null, recipient, kind, null, null, null, null, null, webhook, detail, at, false, sourcePosition);
    }

    public Alert withId(AlertId newId) {
        return new Alert(newId, recipient, kind, actor, thread, post, board, profile, webhook, detail, createdAt, read,
                sourcePosition);
    }

    public Alert asRead() {
        return new Alert(id, recipient, kind, actor, thread, post, board, profile, webhook, detail, createdAt, true,
                sourcePosition);
    }

    /** Alerts with the same key are shown as one entry while unread ("kenji and 3 others reacted to your post"). */
    public GroupKey groupKey() {
        return new GroupKey(kind, thread, post, profile, webhook);
    }

    /** What unread alerts are grouped by: the kind and the content. */
    public record GroupKey(AlertKind kind, ThreadId thread, PostId post, MemberId profile, WebhookId webhook) {
    }
}
