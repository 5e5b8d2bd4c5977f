package dev.forumkit.core.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port for webhooks and their deliveries (one row per event and webhook, with its retry state). */
public interface Webhooks {
    Webhook add(Webhook webhook);

    Optional<Webhook> byId(WebhookId id);

    /** Every webhook, oldest first. */
    List<Webhook> all();

    /** Changes URL, event types and the active flag (enabling again clears the failures and the disabled note). */
    void update(Webhook webhook);

    /** Removes the webhook and its deliveries; true if it existed. */
    boolean remove(WebhookId id);

    /**
     * A successful attempt clears the webhook's failures; a failed one counts one more and, at {@code disableAfter},
     * disables it with the reason. Returns the webhook as it is afterwards (empty if it was removed meanwhile).
     */
    Optional<Webhook> recordOutcome(WebhookId id, boolean success, int disableAfter, String reason, Instant now);

    /** Stores a new delivery unless one for this webhook and event position exists; true if stored. */
    boolean addDelivery(WebhookDelivery delivery);

    Optional<WebhookDelivery> delivery(long id);

    /** Pending deliveries due at {@code now}, earliest first. */
    List<WebhookDelivery> due(Instant now, int limit);

    /**
     * Takes a due delivery for one attempt by moving its next attempt to {@code leaseUntil}, only if it is still due
     * at {@code expected} (another node that took it first moved it). True if this caller has it.
     */
    boolean claim(long deliveryId, Instant expected, Instant leaseUntil);

    /** Writes a delivery's status, attempts, next attempt and last result. */
    void saveAttempt(WebhookDelivery delivery);

    /** A webhook's deliveries, newest first. */
    List<WebhookDelivery> deliveries(WebhookId webhook, int limit);
}
