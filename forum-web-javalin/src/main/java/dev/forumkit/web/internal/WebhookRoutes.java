package dev.forumkit.web.internal;

import dev.forumkit.core.webhook.Webhook;
import dev.forumkit.core.webhook.WebhookDelivery;
import dev.forumkit.core.webhook.WebhookId;
import dev.forumkit.web.Access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Webhooks (admins): subscribe a URL to event types, change or remove one, read its delivery log, deliver again. */
public final class WebhookRoutes {
    private WebhookRoutes() {
    }

    record WebhookRequest(String url, List<String> events, Boolean active) {
    }

    record WebhookJson(long id, String url, List<String> events, boolean active, int failures, Instant disabledAt,
                       String disabledReason, Instant createdAt) {
        static WebhookJson from(Webhook w) {
            return new WebhookJson(w.id().value(), w.url(), List.copyOf(new TreeSet<>(w.events())), w.active(),
                    w.failures(), w.disabledAt(), w.disabledReason(), w.createdAt());
        }
    }

    record DeliveryJson(long id, String eventId, String eventType, String status, int attempts, Instant createdAt,
                        Instant nextAttemptAt, Integer responseStatus, Long responseMillis, String error,
                        Instant deliveredAt) {
        static DeliveryJson from(WebhookDelivery d) {
            return new DeliveryJson(d.id(), d.eventId(), d.eventType(), d.status().name().toLowerCase(java.util.Locale.ROOT),
                    d.attempts(), d.createdAt(), d.status() == WebhookDelivery.Status.PENDING ? d.nextAttemptAt() : null,
                    d.lastStatus(), d.lastMillis(), d.lastError(), d.deliveredAt());
        }
    }

    public static void register(RouteTable t) {
        t.get("/admin/webhooks", Access.ADMIN, WebhookRoutes::list);
        t.post("/admin/webhooks", Access.ADMIN, WebhookRoutes::create);
        t.patch("/admin/webhooks/{webhookId}", Access.ADMIN, WebhookRoutes::update);
        t.delete("/admin/webhooks/{webhookId}", Access.ADMIN, WebhookRoutes::remove);
        t.get("/admin/webhooks/{webhookId}/deliveries", Access.ADMIN, WebhookRoutes::deliveries);
        t.post("/admin/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", Access.ADMIN, WebhookRoutes::redeliver);
    }

    private static Object list(Call call) {
        List<WebhookJson> hooks = call.api().forum().webhooks().list(call.actor()).stream().map(WebhookJson::from).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("webhooks", hooks);
        body.put("pagination", Pagination.single(hooks.size()));
        return body;
    }

    private static Object create(Call call) {
        WebhookRequest in = call.body(WebhookRequest.class);
        Webhook w = call.api().forum().webhooks().create(call.actor(), in.url(), in.events());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("webhook", WebhookJson.from(w));
        body.put("secret", w.secret()); // shown here only: receivers check signatures with it
        return Reply.created(body);
    }

    private static Object update(Call call) {
        WebhookRequest in = call.body(WebhookRequest.class);
        Webhook w = call.api().forum().webhooks().update(call.actor(), WebhookId.of(call.id("webhookId")), in.url(),
                in.events(), in.active());
        return Map.of("webhook", WebhookJson.from(w));
    }

    private static Object remove(Call call) {
        call.api().forum().webhooks().remove(call.actor(), WebhookId.of(call.id("webhookId")));
        return Reply.noContent();
    }

    private static Object deliveries(Call call) {
        List<DeliveryJson> items = call.api().forum().webhooks().deliveries(call.actor(), WebhookId.of(call.id("webhookId")),
                100).stream().map(DeliveryJson::from).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveries", items);
        body.put("pagination", Pagination.single(items.size()));
        return body;
    }

    private static Object redeliver(Call call) {
        WebhookDelivery d = call.api().forum().webhooks().redeliver(call.actor(), WebhookId.of(call.id("webhookId")),
                call.id("deliveryId"));
        return new Reply(202, Map.of("delivery", DeliveryJson.from(d))); // queued: sent by the next round
    }
}
