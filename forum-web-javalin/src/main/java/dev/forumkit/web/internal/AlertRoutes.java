package dev.forumkit.web.internal;

import dev.forumkit.core.alert.AlertEntry;
import dev.forumkit.core.alert.AlertId;
import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.alert.AlertService;
import dev.forumkit.core.alert.Delivery;
import dev.forumkit.core.alert.Preferences;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.read.Page;
import dev.forumkit.web.Access;

import java.util.LinkedHashMap;
import java.util.Map;

/** A member's own alerts (list, mark read), alert preferences and ignored members. Nobody sees another's. */
public final class AlertRoutes {
    private AlertRoutes() {
    }

    /** Fields left out keep their value, so a client can change one kind without knowing the rest. */
    record PreferencesChange(Map<String, String> deliveries, Boolean autoWatch, Boolean autoWatchEmail) {
    }

    public static void register(RouteTable t) {
        t.get("/alerts", Access.MEMBER, AlertRoutes::list);
        t.post("/alerts/{alertId}/read", Access.MEMBER, AlertRoutes::markRead);
        t.post("/alerts/read-all", Access.MEMBER, AlertRoutes::markAllRead);
        t.get("/me/alert-preferences", Access.MEMBER,
                call -> Map.of("preferences", AlertJson.PreferencesJson.from(alerts(call).preferences(call.actor()))));
        t.put("/me/alert-preferences", Access.MEMBER, AlertRoutes::savePreferences);
        t.put("/members/{memberId}/ignore", Access.MEMBER, AlertRoutes::ignore);
        t.delete("/members/{memberId}/ignore", Access.MEMBER, call -> {
            alerts(call).unignore(call.actor(), MemberId.of(call.id("memberId")));
            return null;
        });
        t.get("/me/ignored", Access.MEMBER, call -> {
            var ignored = alerts(call).ignored(call.actor()).stream().map(AlertJson.IgnoredJson::from).toList();
            return Map.of("members", ignored, "pagination", Pagination.single(ignored.size()));
        });
    }

    private static AlertService alerts(Call call) {
        return call.api().forum().alerts();
    }

    private static Object list(Call call) {
        Page<AlertEntry> page = alerts(call).list(call.actor(), call.page());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alerts", page.items().stream().map(AlertJson::from).toList());
        body.put("unread_count", alerts(call).unreadCount(call.actor()));
        body.put("pagination", Pagination.of(page));
        return body;
    }

    private static Object markRead(Call call) {
        int changed = alerts(call).markRead(call.actor(), AlertId.of(call.id("alertId")));
        return Map.of("marked_read", changed, "unread_count", alerts(call).unreadCount(call.actor()));
    }

    private static Object markAllRead(Call call) {
        int changed = alerts(call).markAllRead(call.actor());
        return Map.of("marked_read", changed, "unread_count", 0L);
    }

    private static Object savePreferences(Call call) {
        PreferencesChange in = call.body(PreferencesChange.class);
        Preferences p = alerts(call).preferences(call.actor());
        if (in.deliveries() != null) {
            for (Map.Entry<String, String> e : in.deliveries().entrySet()) {
                String field = "deliveries." + e.getKey();
                AlertKind kind = AlertJson.kind(e.getKey(), field);
                Delivery delivery = AlertJson.delivery(e.getValue(), field);
                p = p.with(kind, delivery);
            }
        }
        boolean watch = in.autoWatch() == null ? p.autoWatch() : in.autoWatch();
        boolean email = in.autoWatchEmail() == null ? p.autoWatchEmail() : in.autoWatchEmail();
        p = p.withAutoWatch(watch, email);
        return Map.of("preferences", AlertJson.PreferencesJson.from(alerts(call).savePreferences(call.actor(), p)));
    }

    private static Object ignore(Call call) {
        MemberId id = MemberId.of(call.id("memberId"));
        alerts(call).ignore(call.actor(), id);
        return Map.of("members", alerts(call).ignored(call.actor()).stream().map(AlertJson.IgnoredJson::from).toList());
    }
}
