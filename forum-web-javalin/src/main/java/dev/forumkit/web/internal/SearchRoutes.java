package dev.forumkit.web.internal;

import dev.forumkit.core.search.SearchResults;
import dev.forumkit.web.Access;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /search}: posts matching a search, as the viewer may see them, paged; guests are rate-limited per IP.
 * {@code /admin/search/rebuild}: an admin's online rebuild of the index (POST starts it, GET tells its progress).
 */
public final class SearchRoutes {
    private SearchRoutes() {
    }

    public static void register(RouteTable t) {
        t.get("/search", Access.ANYONE, call -> {
            SearchResults found = search(call);
            Map<String, Object> body = new LinkedHashMap<>();
            String base = call.api().settings().basePath();
            body.put("results", found.results().items().stream().map(r -> SearchJson.from(r, base)).toList());
            body.put("pagination", Pagination.of(found.results()));
            // false: the index stopped counting, there are more than pagination.total matches ("more than 1,000")
            body.put("total_exact", found.totalExact());
            return body;
        });
        // admins rebuild the index while the forum serves: 202 at once, then GET for the progress
        t.get("/admin/search/rebuild", Access.ADMIN, call -> Map.of("rebuild", rebuildStatus(call)));
        t.post("/admin/search/rebuild", Access.ADMIN, call -> {
            call.api().forum().search().rebuilds().start(call.actor());
            return new Reply(202, Map.of("rebuild", rebuildStatus(call)));
        });
    }

    private static SearchRebuildJson rebuildStatus(Call call) {
        var rebuilds = call.api().forum().search().rebuilds();
        return SearchRebuildJson.from(rebuilds.status(call.actor()), rebuilds.available());
    }

    /** The search the request asks for, after the guest rate limit (shared by the page and the API). */
    public static SearchResults search(Call call) {
        if (call.viewer().isGuest()) {
            Throttles.searchPerGuestIp(call.api()).acquire(call.api().checks().clientIp(call.ctx()));
        }
        return call.api().forum().search().search(call.actor(), SearchParams.read(call.ctx()));
    }
}
