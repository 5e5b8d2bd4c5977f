package dev.forumkit.core.memory;

import dev.forumkit.core.webhook.Webhook;
import dev.forumkit.core.webhook.WebhookDelivery;
import dev.forumkit.core.webhook.WebhookId;
import dev.forumkit.core.webhook.Webhooks;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class InMemoryWebhooks implements Webhooks {
    private final Tables db;
    private final Tables.TxMap<Long, Webhook> hooks;
    private final Tables.TxMap<Long, WebhookDelivery> deliveries;

    InMemoryWebhooks(Tables db) {
        this.db = db;
        this.hooks = db.map();
        this.deliveries = db.map();
    }

    @Override
    public Webhook add(Webhook webhook) {
        return db.write(() -> {
            Webhook stored = webhook.withId(WebhookId.of(db.nextId()));
            hooks.put(stored.id().value(), stored);
            return stored;
        });
    }

    @Override
    public Optional<Webhook> byId(WebhookId id) {
        return db.read(() -> Optional.ofNullable(hooks.get(id.value())));
    }

    @Override
    public List<Webhook> all() {
        return db.read(() -> hooks.values().stream().sorted(Comparator.comparing(w -> w.id().value())).toList());
    }

    @Override
    public void update(Webhook w) {
        db.run(() -> {
            if (hooks.get(w.id().value()) != null) {
                hooks.put(w.id().value(), w);
            }
        });
    }

    @Override
    public boolean remove(WebhookId id) {
        return db.write(() -> {
            if (hooks.get(id.value()) == null) {
                return false;
            }
            hooks.remove(id.value());
            deliveries.values().stream().filter(d -> d.webhook().equals(id)).map(WebhookDelivery::id).toList()
                    .forEach(deliveries::remove);
            return true;
        });
    }

    @Override
    public Optional<Webhook> recordOutcome(WebhookId id, boolean success, int disableAfter, String reason, Instant now) {
        return db.write(() -> {
            Webhook w = hooks.get(id.value());
            if (w == null) {
                return Optional.empty();
            }
            int failures = success ? 0 : w.failures() + 1;
            boolean disable = w.active() && !success && failures >= disableAfter;
            Webhook changed = new Webhook(w.id(), w.url(), w.events(), w.secret(), w.active() && !disable, failures,
                    disable ? now : w.disabledAt(), disable ? reason : w.disabledReason(), w.createdBy(), w.createdAt(),
                    w.afterPosition());
            hooks.put(id.value(), changed);
            return Optional.of(changed);
        });
    }

    @Override
    public boolean addDelivery(WebhookDelivery d) {
        return db.write(() -> {
            boolean exists = deliveries.values().stream()
                    .anyMatch(x -> x.webhook().equals(d.webhook()) && x.eventPosition() == d.eventPosition());
            if (exists) {
                return false;
            }
            long id = db.nextId();
            deliveries.put(id, d.withId(id));
            return true;
        });
    }

    @Override
    public Optional<WebhookDelivery> delivery(long id) {
        return db.read(() -> Optional.ofNullable(deliveries.get(id)));
    }

    @Override
    public List<WebhookDelivery> due(Instant now, int limit) {
        return db.read(() -> deliveries.values().stream()
                .filter(d -> d.status() == WebhookDelivery.Status.PENDING && !d.nextAttemptAt().isAfter(now))
                .filter(d -> {
                    Webhook w = hooks.get(d.webhook().value());
                    return w != null && w.active();
                })
                .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt).thenComparing(WebhookDelivery::id))
                .limit(limit).toList());
    }

    @Override
    public boolean claim(long deliveryId, Instant expected, Instant leaseUntil) {
        return db.write(() -> {
            WebhookDelivery d = deliveries.get(deliveryId);
            if (d == null || d.status() != WebhookDelivery.Status.PENDING || !d.nextAttemptAt().equals(expected)) {
                return false;
            }
            deliveries.put(deliveryId, new WebhookDelivery(d.id(), d.webhook(), d.eventPosition(), d.eventId(),
                    d.eventType(), d.payload(), d.createdAt(), d.status(), d.attempts(), leaseUntil, d.lastStatus(),
                    d.lastMillis(), d.lastError(), d.deliveredAt()));
            return true;
        });
    }

    @Override
    public void saveAttempt(WebhookDelivery d) {
        db.run(() -> {
            if (deliveries.get(d.id()) != null) {
                deliveries.put(d.id(), d);
            }
        });
    }

    @Override
    public List<WebhookDelivery> deliveries(WebhookId webhook, int limit) {
        return db.read(() -> deliveries.values().stream().filter(d -> d.webhook().equals(webhook))
                .sorted(Comparator.comparing(WebhookDelivery::id).reversed()).limit(limit).toList());
    }
}
