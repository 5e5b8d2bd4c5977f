package dev.forumkit.web.internal.html;

import dev.forumkit.core.notify.Unsubscribe;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;

import java.util.Optional;

/**
 * {@code /unsubscribe/{token}}, the link in every notification e-mail: GET shows what it turns off and a button
 * (a link preview or a mail scanner fetching it must not unsubscribe anyone), POST turns it off. Mail programs that
 * support RFC 8058 POST {@code List-Unsubscribe=One-Click} to the same address without a cookie; no sign-in is
 * needed, the token is the proof.
 */
public final class UnsubscribePages {
    private UnsubscribePages() {
    }

    static void register(PageTable t) {
        t.get("/unsubscribe/{token}", Access.ANYONE, UnsubscribePages::confirm);
        t.post("/unsubscribe/{token}", Access.ANYONE, UnsubscribePages::unsubscribe);
    }

    private static View page(String token, Text what, boolean done) {
        View v = View.of("unsubscribe", new Text("unsubscribe.title")).noindex().with("token", token).with("what", what).with("done", done);
        return what == null ? v.status(404) : v;
    }

    private static Object confirm(Call call) {
        String token = call.ctx().pathParam("token");
        // the token in this address must not reach other sites in a Referer; "same-origin" rather than "no-referrer",
        // under which browsers send "Origin: null" with the page's own form, and the same-origin check refuses it
        call.ctx().header("Referrer-Policy", "same-origin");
        return page(token, call.api().forum().emailNotifications().describe(token).map(UnsubscribePages::what).orElse(null), false);
    }

    private static Object unsubscribe(Call call) {
        String token = call.ctx().pathParam("token");
        Optional<Unsubscribe> u = call.api().forum().emailNotifications().describe(token);
        call.api().forum().emailNotifications().unsubscribe(token);
        return page(token, u.map(UnsubscribePages::what).orElse(null), true);
    }

    private static Text what(Unsubscribe u) {
        return switch (u.scope()) {
            case THREAD -> new Text("unsubscribe.thread");
            case BOARD -> new Text("unsubscribe.board");
            case KIND -> new Text("unsubscribe.kind", AlertSettingsPages.label(u.kind()));
        };
    }
}
