package dev.forumkit.core.event;

import java.time.Instant;
import java.util.Objects;

/** An event read back from the outbox: its position, encoded form and when its change was committed. */
public record StoredEvent(long position, EncodedEvent event, Instant createdAt) {
    public StoredEvent {
        if (position < 1) {
            throw new IllegalArgumentException("event positions start at 1: " + position);
        }
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
