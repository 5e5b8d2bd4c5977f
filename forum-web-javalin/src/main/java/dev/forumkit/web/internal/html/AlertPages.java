package dev.forumkit.web.internal.html;

import dev.forumkit.core.alert.AlertEntry;
import dev.forumkit.core.alert.AlertId;
import dev.forumkit.core.read.Page;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;

/** The member's alerts page: newest first, unread ones highlighted, mark one or all read with plain forms. */
final class AlertPages {
    private AlertPages() {
    }

    static void register(PageTable t) {
        t.get("/alerts/", Access.MEMBER, AlertPages::alerts);
        t.get("/alerts/page-{page}", Access.MEMBER, AlertPages::alerts);
        t.post("/alerts/{alertId}/read", Access.MEMBER, AlertPages::markRead);
        t.post("/alerts/read-all", Access.MEMBER, call -> {
            call.api().forum().alerts().markAllRead(call.actor());
            return Redirect.seeOther(ReadPages.links(call).alerts());
        });
    }

    private static Object alerts(Call call) {
        Links links = ReadPages.links(call);
        int n = Params.page(call);
        Page<AlertEntry> p = call.api().forum().alerts().list(call.actor(), n);
        if (n > p.lastPage()) {
            return Redirect.found(links.alerts(p.lastPage()));
        }
        return View.of("alerts", n > 1 ? new Text("title.paged", new Text("nav.alerts"), n) : new Text("nav.alerts")).noindex()
                .crumb(new Text("nav.forums"), links.home())
                .with("page", p)
                .with("lines", p.items().stream().map(e -> AlertLine.of(e, links)).toList())
                .with("pager", Pager.of(p, links::alerts));
    }

    /** Back to the page the member was on (a number from the form; anything else means page 1). */
    private static Object markRead(Call call) {
        call.api().forum().alerts().markRead(call.actor(), AlertId.of(Params.id(call, "alertId")));
        Long page = Params.number(call.ctx().formParam("page"));
        return Redirect.seeOther(ReadPages.links(call).alerts(page == null || page < 1 || page > 100_000 ? 1 : page.intValue())
                + "#alerts");
    }
}
