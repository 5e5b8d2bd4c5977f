package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.webhook.Webhook;
import dev.forumkit.core.webhook.WebhookDelivery;
import dev.forumkit.core.webhook.WebhookId;
import dev.forumkit.core.webhook.Webhooks;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

final class JdbiWebhooks implements Webhooks {
    private static final String HOOK_COLUMNS = "id, url, events, secret, active, failures, disabled_at, disabled_reason,"
            + " created_by, created_at, after_position";
    private static final RowMapper<Webhook> HOOK = (rs, ctx) -> new Webhook(WebhookId.of(rs.getLong(1)), rs.getString(2),
            Set.of(rs.getString(3).split(" ")), rs.getString(4), rs.getBoolean(5), rs.getInt(6), Rows.instant(rs, 7),
            rs.getString(8), MemberId.of(rs.getLong(9)), Rows.instant(rs, 10), rs.getLong(11));
    private static final String DELIVERY_COLUMNS = "id, webhook_id, event_position, event_id, event_type, payload,"
            + " created_at, status, attempts, next_attempt_at, last_status, last_millis, last_error, delivered_at";
    private static final RowMapper<WebhookDelivery> DELIVERY = (rs, ctx) -> {
        int status = rs.getInt(11);
        Integer lastStatus = rs.wasNull() ? null : status;
        return new WebhookDelivery(rs.getLong(1), WebhookId.of(rs.getLong(2)), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getString(6), Rows.instant(rs, 7), WebhookDelivery.Status.valueOf(rs.getString(8)),
                rs.getInt(9), Rows.instant(rs, 10), lastStatus, Rows.nullableLong(rs, 12), rs.getString(13),
                Rows.instant(rs, 14));
    };

    private final JdbiTransactions db;
    private final String insert;

    JdbiWebhooks(JdbiTransactions db) {
        this.db = db;
        this.insert = db.dialect().returning("INSERT INTO webhooks (url, events, secret, active, failures, disabled_at,"
                + " disabled_reason, created_by, created_at, after_position) VALUES (:url, :events, :secret, :active,"
                + " :failures, :disabledAt, :reason, :by, :created, :after)", "id");
    }

    private static String events(Set<String> events) {
        return String.join(" ", new TreeSet<>(events));
    }

    @Override
    public Webhook add(Webhook w) {
        long id = db.with(h -> h.createQuery(insert).bind("url", w.url()).bind("events", events(w.events()))
                .bind("secret", w.secret()).bind("active", w.active()).bind("failures", w.failures())
                .bind("disabledAt", Rows.ts(w.disabledAt())).bind("reason", w.disabledReason())
                .bind("by", w.createdBy().value()).bind("created", Rows.ts(w.createdAt()))
                .bind("after", w.afterPosition()).mapTo(Long.class).one());
        return w.withId(WebhookId.of(id));
    }

    @Override
    public Optional<Webhook> byId(WebhookId id) {
        return db.with(h -> h.createQuery("SELECT " + HOOK_COLUMNS + " FROM webhooks WHERE id = :id")
                .bind("id", id.value()).map(HOOK).findOne());
    }

    @Override
    public List<Webhook> all() {
        return db.with(h -> h.createQuery("SELECT " + HOOK_COLUMNS + " FROM webhooks ORDER BY id").map(HOOK).list());
    }

    @Override
    public void update(Webhook w) {
        db.use(h -> h.createUpdate("UPDATE webhooks SET url = :url, events = :events, active = :active,"
                        + " failures = :failures, disabled_at = :disabledAt, disabled_reason = :reason WHERE id = :id")
                .bind("url", w.url()).bind("events", events(w.events())).bind("active", w.active())
                .bind("failures", w.failures()).bind("disabledAt", Rows.ts(w.disabledAt()))
                .bind("reason", w.disabledReason()).bind("id", w.id().value()).execute());
    }

    @Override
    public boolean remove(WebhookId id) {
        return db.with(h -> {
            h.createUpdate("DELETE FROM webhook_deliveries WHERE webhook_id = :id").bind("id", id.value()).execute();
            return h.createUpdate("DELETE FROM webhooks WHERE id = :id").bind("id", id.value()).execute() > 0;
        });
    }

    @Override
    public Optional<Webhook> recordOutcome(WebhookId id, boolean success, int disableAfter, String reason, Instant now) {
        db.use(h -> {
            if (success) {
                h.createUpdate("UPDATE webhooks SET failures = 0 WHERE id = :id AND failures <> 0")
                        .bind("id", id.value()).execute();
                return;
            }
            // one statement, so two senders' failures both count
            h.createUpdate("UPDATE webhooks SET failures = failures + 1,"
                            + " disabled_at = CASE WHEN active AND failures + 1 >= :limit THEN :now ELSE disabled_at END,"
                            + " disabled_reason = CASE WHEN active AND failures + 1 >= :limit THEN :reason ELSE disabled_reason END,"
                            + " active = CASE WHEN active AND failures + 1 >= :limit THEN FALSE ELSE active END"
                            + " WHERE id = :id")
                    .bind("limit", disableAfter).bind("now", Rows.ts(now)).bind("reason", reason)
                    .bind("id", id.value()).execute();
        });
        return byId(id);
    }

    @Override
    public boolean addDelivery(WebhookDelivery d) {
        return db.with(h -> h.createUpdate("INSERT INTO webhook_deliveries (webhook_id, event_position, event_id,"
                        + " event_type, payload, created_at, status, attempts, next_attempt_at)"
                        + " SELECT :hook, :position, :eventId, :type, :payload, :created, :status, :attempts, :next"
                        + " WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries WHERE webhook_id = :hook"
                        + " AND event_position = :position)")
                .bind("hook", d.webhook().value()).bind("position", d.eventPosition()).bind("eventId", d.eventId())
                .bind("type", d.eventType()).bind("payload", d.payload()).bind("created", Rows.ts(d.createdAt()))
                .bind("status", d.status().name()).bind("attempts", d.attempts()).bind("next", Rows.ts(d.nextAttemptAt()))
                .execute()) > 0;
    }

    @Override
    public Optional<WebhookDelivery> delivery(long id) {
        return db.with(h -> h.createQuery("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE id = :id")
                .bind("id", id).map(DELIVERY).findOne());
    }

    @Override
    public List<WebhookDelivery> due(Instant now, int limit) {
        return db.with(h -> h.createQuery("SELECT " + Arrays.stream(DELIVERY_COLUMNS.split(", "))
                        .map(c -> "d." + c).collect(Collectors.joining(", "))
                        + " FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id"
                        + " WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND w.active"
                        + " ORDER BY d.next_attempt_at, d.id LIMIT :limit")
                .bind("now", Rows.ts(now)).bind("limit", limit).map(DELIVERY).list());
    }

    @Override
    public boolean claim(long deliveryId, Instant expected, Instant leaseUntil) {
        return db.with(h -> h.createUpdate("UPDATE webhook_deliveries SET next_attempt_at = :lease WHERE id = :id"
                        + " AND status = 'PENDING' AND next_attempt_at = :expected")
                .bind("lease", Rows.ts(leaseUntil)).bind("id", deliveryId).bind("expected", Rows.ts(expected))
                .execute()) > 0;
    }

    @Override
    public void saveAttempt(WebhookDelivery d) {
        db.use(h -> h.createUpdate("UPDATE webhook_deliveries SET status = :status, attempts = :attempts,"
                        + " next_attempt_at = :next, last_status = :lastStatus, last_millis = :millis, last_error = :error,"
                        + " delivered_at = :delivered WHERE id = :id")
                .bind("status", d.status().name()).bind("attempts", d.attempts()).bind("next", Rows.ts(d.nextAttemptAt()))
                .bind("lastStatus", d.lastStatus()).bind("millis", d.lastMillis()).bind("error", d.lastError())
                .bind("delivered", Rows.ts(d.deliveredAt())).bind("id", d.id()).execute());
    }

    @Override
    public List<WebhookDelivery> deliveries(WebhookId webhook, int limit) {
        return db.with(h -> h.createQuery("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries"
                        + " WHERE webhook_id = :hook ORDER BY id DESC LIMIT :limit")
                .bind("hook", webhook.value()).bind("limit", limit).map(DELIVERY).list());
    }
}
