package dev.forumkit.core.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One event for one webhook, with its retry state: each webhook's deliveries wait and retry on their own, so one
 * dead receiver holds back no other. {@code eventId} is the event's idempotency key, the same on every attempt;
 * {@code payload} the exact body sent each time. {@code lastStatus} (HTTP status, null when no answer came),
 * {@code lastMillis} and {@code lastError} describe the last attempt. {@code id} is null until stored.
 */
public record WebhookDelivery(Long id, WebhookId webhook, long eventPosition, String eventId, String eventType,
                              String payload, Instant createdAt, Status status, int attempts, Instant nextAttemptAt,
                              Integer lastStatus, Long lastMillis, String lastError, Instant deliveredAt) {
    /** Waiting for an attempt or a retry; delivered (a 2xx answer); given up after a day of retries. */
    public enum Status { PENDING, DELIVERED, FAILED }

    public WebhookDelivery {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        if (lastError != null && lastError.length() > 500) {
            lastError = lastError.substring(0, 500);
        }
    }

    public static WebhookDelivery pending(WebhookId webhook, long position, String eventId, String type, String payload,
                                          Instant now) {
        return new WebhookDelivery(null, webhook, position, eventId, type, payload, now, Status.PENDING, 0, now, null,
                null, null, null);
    }

    public WebhookDelivery withId(long newId) {
        return new WebhookDelivery(newId, webhook, eventPosition, eventId, eventType, payload, createdAt, status, attempts,
                nextAttemptAt, lastStatus, lastMillis, lastError, deliveredAt);
    }

    /** After an attempt: the new status, when to try again, and what the receiver answered. */
    public WebhookDelivery attempted(Status newStatus, Instant next, Integer httpStatus, Long millis, String error,
                                     Instant delivered) {
        return new WebhookDelivery(id, webhook, eventPosition, eventId, eventType, payload, createdAt, newStatus,
                attempts + 1, next, httpStatus, millis, error, delivered);
    }

    /** Queued again by an admin: pending, due now, its history of attempts kept. */
    public WebhookDelivery requeued(Instant now) {
        return new WebhookDelivery(id, webhook, eventPosition, eventId, eventType, payload, createdAt, Status.PENDING,
                attempts, now, lastStatus, lastMillis, lastError, deliveredAt);
    }
}
