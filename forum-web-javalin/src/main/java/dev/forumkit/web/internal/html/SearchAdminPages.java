package dev.forumkit.web.internal.html;

import dev.forumkit.core.search.SearchRebuilds;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;

/** The admin page of the search index: its size, and an online rebuild with its progress. */
final class SearchAdminPages {
    private SearchAdminPages() {
    }

    static void register(PageTable t) {
        t.get("/admin/search", Access.ADMIN, SearchAdminPages::page);
        t.post("/admin/search/rebuild", Access.ADMIN, call -> {
            call.api().forum().search().rebuilds().start(call.actor());
            return Redirect.seeOther(ReadPages.links(call).admin("search"));
        });
    }

    private static View page(Call call) {
        Links links = ReadPages.links(call);
        SearchRebuilds rebuilds = call.api().forum().search().rebuilds();
        return View.of("admin/search", new Text("admin.search")).noindex().crumb(new Text("nav.forums"), links.home()).crumb(new Text("nav.admin"), links.admin(""))
                .with("status", rebuilds.status(call.actor())).with("available", rebuilds.available()).with("inPlace", rebuilds.inPlace())
                .with("entries", call.api().forum().search().index().count());
    }
}
