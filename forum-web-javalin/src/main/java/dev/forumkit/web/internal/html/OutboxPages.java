package dev.forumkit.web.internal.html;

import dev.forumkit.core.event.OutboxStatus;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;

/** The admin page of the event outbox: head position and each consumer's lag, lease and last failure. */
final class OutboxPages {
    private OutboxPages() {
    }

    static void register(PageTable t) {
        t.get("/admin/outbox", Access.ADMIN, OutboxPages::outbox);
    }

    private static Object outbox(Call call) {
        OutboxStatus status = call.api().forum().outbox().status();
        Links links = ReadPages.links(call);
        return View.of("admin/outbox", new Text("admin.outbox")).noindex().crumb(new Text("nav.forums"), links.home()).crumb(new Text("nav.admin"), links.admin(""))
                .with("head", status.head())
                .with("consumers", status.consumers().stream().map(OutboxRow::from).toList());
    }
}
