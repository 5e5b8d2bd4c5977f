package dev.forumkit.web.internal.html;

import dev.forumkit.core.webhook.Webhook;
import dev.forumkit.core.webhook.WebhookEvents;
import dev.forumkit.core.webhook.WebhookId;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Admin pages of webhooks: the list (disabled ones say why) with a form to subscribe a URL (the answer shows the
 * signing secret), and each webhook's page with its delivery log, redelivery, enable or disable, and removal.
 */
final class WebhookPages {
    private WebhookPages() {
    }

    static void register(PageTable t) {
        t.get("/admin/webhooks", Access.ADMIN, call -> hooks(call, Form.empty(), null));
        t.post("/admin/webhooks", Access.ADMIN, WebhookPages::create);
        t.get("/admin/webhooks/{webhookId}", Access.ADMIN, WebhookPages::hook);
        t.post("/admin/webhooks/{webhookId}/active", Access.ADMIN, WebhookPages::toggle);
        t.post("/admin/webhooks/{webhookId}/delete", Access.ADMIN, WebhookPages::remove);
        t.post("/admin/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", Access.ADMIN, WebhookPages::redeliver);
    }

    private static View page(Call call, String template, Text title) {
        Links links = ReadPages.links(call);
        return View.of(template, title).noindex().crumb(new Text("nav.forums"), links.home()).crumb(new Text("nav.admin"), links.admin(""));
    }

    private static View hooks(Call call, Form form, Webhook made) {
        return page(call, "admin/webhooks", new Text("admin.webhooks")).with("hooks", call.api().forum().webhooks().list(call.actor()))
                .with("form", form).with("made", made).with("types", List.copyOf(new TreeSet<>(WebhookEvents.TYPES)));
    }

    private static Object create(Call call) {
        Form form = Form.from(call.ctx(), "url", "events");
        try {
            String events = form.get("events") == null ? "" : form.get("events");
            List<String> list = Arrays.stream(events.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
            Webhook made = call.api().forum().webhooks().create(call.actor(), form.get("url"), list);
            return hooks(call, Form.empty(), made);
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, hooks(call, form, null), "url", "events");
        }
    }

    private static Object hook(Call call) {
        WebhookId id = WebhookId.of(Params.id(call, "webhookId"));
        Webhook w = call.api().forum().webhooks().get(call.actor(), id);
        return page(call, "admin/webhook", new Text("admin.webhook.title", w.url())).crumb(new Text("admin.webhooks"), ReadPages.links(call).admin("webhooks"))
                .with("hook", w).with("deliveries", call.api().forum().webhooks().deliveries(call.actor(), id, 100));
    }

    private static Object toggle(Call call) {
        WebhookId id = WebhookId.of(Params.id(call, "webhookId"));
        boolean on = "true".equals(call.ctx().formParam("active"));
        call.api().forum().webhooks().update(call.actor(), id, null, null, on);
        return Redirect.seeOther(ReadPages.links(call).admin("webhooks/" + id.value()));
    }

    private static Object remove(Call call) {
        call.api().forum().webhooks().remove(call.actor(), WebhookId.of(Params.id(call, "webhookId")));
        return Redirect.seeOther(ReadPages.links(call).admin("webhooks"));
    }

    private static Object redeliver(Call call) {
        WebhookId id = WebhookId.of(Params.id(call, "webhookId"));
        call.api().forum().webhooks().redeliver(call.actor(), id, Params.id(call, "deliveryId"));
        return Redirect.seeOther(ReadPages.links(call).admin("webhooks/" + id.value()));
    }
}
