package dev.forumkit.web.internal.html;

import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.alert.Delivery;
import dev.forumkit.core.alert.Preferences;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.AlertJson;
import dev.forumkit.web.internal.Call;

import java.util.List;

/** Alert preferences (a delivery per kind, auto-watch) with the ignore list, and ignoring from a member's profile. */
final class AlertSettingsPages {
    private AlertSettingsPages() {
    }

    static IgnoreButton ignoreButton(Call call, MemberId member) {
        if (call.viewer().isGuest() || call.viewer().member().id().equals(member)) {
            return new IgnoreButton(false, false);
        }
        boolean ignoring = call.api().forum().alerts().ignored(call.actor()).stream().anyMatch(i -> i.id().equals(member));
        return new IgnoreButton(true, ignoring);
    }

    static void register(PageTable t) {
        t.get("/account/alert-preferences", Access.MEMBER, AlertSettingsPages::preferences);
        t.post("/account/alert-preferences", Access.MEMBER, AlertSettingsPages::save);
        t.post("/members/{member}/ignore", Access.MEMBER, AlertSettingsPages::ignore);
        t.post("/members/{member}/unignore", Access.MEMBER, AlertSettingsPages::unignore);
    }

    private static Object preferences(Call call) {
        Links links = ReadPages.links(call);
        Preferences p = call.api().forum().alerts().preferences(call.actor());
        List<AlertKindRow> rows = List.of(AlertKind.values()).stream()
                .map(k -> new AlertKindRow("kind_" + k.name().toLowerCase(java.util.Locale.ROOT), label(k),
                        p.delivery(k).name().toLowerCase(java.util.Locale.ROOT))).toList();
        return View.of("alert-preferences", new Text("alerts.preferences")).noindex()
                .crumb(new Text("nav.forums"), links.home())
                .crumb(new Text("nav.alerts"), links.alerts())
                .with("rows", rows)
                .with("preferences", p)
                .with("ignored", call.api().forum().alerts().ignored(call.actor()));
    }

    /** Every kind's select is sent; one missing keeps its delivery, an unknown value is refused (422). */
    private static Object save(Call call) {
        Preferences p = call.api().forum().alerts().preferences(call.actor());
        for (AlertKind kind : AlertKind.values()) {
            String field = "kind_" + kind.name().toLowerCase(java.util.Locale.ROOT);
            String raw = call.ctx().formParam(field);
            if (raw != null) {
                Delivery d = AlertJson.delivery(raw, field);
                p = p.with(kind, d);
            }
        }
        p = p.withAutoWatch(call.ctx().formParam("auto_watch") != null, call.ctx().formParam("auto_watch_email") != null);
        call.api().forum().alerts().savePreferences(call.actor(), p);
        return Redirect.seeOther(ReadPages.links(call).alertPreferences() + "?saved=1");
    }

    private static Object ignore(Call call) {
        MemberId id = MemberId.of(Params.id(call, "member"));
        try {
            call.api().forum().alerts().ignore(call.actor(), id);
        } catch (RuntimeException e) {
            Form form = Form.empty();
            return Refusal.of(ReadPages.member(call, Form.empty()).with("ignoreForm", form), form, e, "member");
        }
        return Redirect.seeOther(profile(call, id));
    }

    /** From the profile back to the profile; from the preferences page ({@code back=preferences}) back there. */
    private static Object unignore(Call call) {
        MemberId id = MemberId.of(Params.id(call, "member"));
        call.api().forum().alerts().unignore(call.actor(), id);
        if ("preferences".equals(call.ctx().formParam("back"))) {
            return Redirect.seeOther(ReadPages.links(call).alertPreferences());
        }
        return Redirect.seeOther(profile(call, id));
    }

    private static String profile(Call call, MemberId id) {
        String slug = Params.slug(call, "member");
        return ReadPages.links(call).base() + "/members/" + (slug.isEmpty() ? "" : slug + ".") + id.value() + "/";
    }

    /** The kind of alert as a text of the bundles ({@code alertKind.reply}). */
    static Text label(AlertKind kind) {
        return new Text("alertKind." + kind.name().toLowerCase(java.util.Locale.ROOT));
    }
}
