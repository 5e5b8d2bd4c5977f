package dev.forumkit.core.webhook;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A subscription of a URL to event types. {@code secret} signs every delivery (HMAC-SHA256), so it is stored as is:
 * the forum needs it on each send. {@code failures} counts failed attempts in a row; at the forum's limit the webhook
 * is disabled ({@code active} false, {@code disabledAt} and {@code disabledReason} set) until an admin enables it.
 * {@code afterPosition}: the outbox head when it was made; only later events are delivered to it, not those that
 * happened before but were still on their way. {@code id} is null until stored.
 */
public record Webhook(WebhookId id, String url, Set<String> events, String secret, boolean active, int failures,
                      Instant disabledAt, String disabledReason, MemberId createdBy, Instant createdAt,
                      long afterPosition) {
    public Webhook {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        events = Set.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a webhook needs at least one event type");
        }
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative");
        }
    }

    public Webhook withId(WebhookId newId) {
        return new Webhook(newId, url, events, secret, active, failures, disabledAt, disabledReason, createdBy, createdAt,
                afterPosition);
    }

    public boolean wants(String eventType, long position) {
        return active && position > afterPosition && events.contains(eventType);
    }
}
