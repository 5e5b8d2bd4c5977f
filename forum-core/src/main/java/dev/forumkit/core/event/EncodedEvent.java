package dev.forumkit.core.event;

import java.util.Objects;

/** An event as stored: its type name (the record's simple name) and its payload (a flat JSON object). */
public record EncodedEvent(String type, String payload) {
    public EncodedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (type.isBlank()) {
            throw new IllegalArgumentException("event type must not be blank");
        }
    }
}
