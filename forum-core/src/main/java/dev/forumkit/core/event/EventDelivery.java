package dev.forumkit.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One event handed to a consumer, with its outbox position. The position names the event for good: a consumer with
 * outside effects uses {@link #idempotencyKey()} so that a redelivered event (after a crash) has its effect once.
 */
public record EventDelivery(long position, ForumEvent event, Instant createdAt) {
    public EventDelivery {
        if (position < 1) {
            throw new IllegalArgumentException("event positions start at 1: " + position);
        }
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The same for every delivery of this event, different for every other event of this database. */
    public String idempotencyKey() {
        return "forumkit-event-" + position;
    }
}
