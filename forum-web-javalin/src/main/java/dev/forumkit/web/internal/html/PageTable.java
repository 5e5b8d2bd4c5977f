package dev.forumkit.web.internal.html;

import dev.forumkit.web.Access;
import dev.forumkit.web.ForumRoute;
import dev.forumkit.web.internal.Endpoint;
import dev.forumkit.web.internal.Pipeline;
import dev.forumkit.web.internal.Registry;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.util.List;

/**
 * Every HTML page and form target with its access rule. Each request goes through the same {@link Pipeline} as the
 * API (same origin and CSRF token on forms, the access rule, the one error mapping) and is answered as a page by
 * {@link PageResponder}.
 */
public final class PageTable {
    private final String base;
    private final Registry registry = new Registry("page");

    public PageTable(String base) {
        this.base = base;
    }

    public PageTable get(String path, Access access, Endpoint endpoint) {
        registry.add("GET", base + path, access, endpoint);
        return this;
    }

    public PageTable post(String path, Access access, Endpoint endpoint) {
        registry.add("POST", base + path, access, endpoint);
        return this;
    }

    public List<ForumRoute> routes() {
        return registry.routes();
    }

    public void install(JavalinDefaultRoutingApi routes, Pipeline pipeline) {
        PageResponder pages = new PageResponder(pipeline.api(), new JteRenderer());
        pipeline.install(routes, registry, pages);
        routes.error(404, ctx -> unknownPath(ctx, pipeline, pages));
    }

    /**
     * A path no route matched, under the forum's base path and outside the API (which answers JSON problems itself):
     * the friendly "not found" page in the forum's layout instead of Javalin's plain text. Paths a route did match
     * already carry their own answer, and a host application's own paths outside the base path are left alone.
     */
    private void unknownPath(io.javalin.http.Context ctx, Pipeline pipeline, PageResponder pages) {
        String path = ctx.path();
        String api = pipeline.api().settings().apiPrefix();
        boolean ours = base.isEmpty() || path.equals(base) || path.startsWith(base + "/");
        if (!ours || path.equals(api) || path.startsWith(api + "/") || matched(ctx)) {
            return;
        }
        dev.forumkit.web.internal.SecurityHeaders.apply(ctx, pipeline.api().settings().security());
        dev.forumkit.web.internal.Viewer viewer;
        try {
            viewer = pipeline.api().sessions().resolve(ctx);
        } catch (RuntimeException storageDown) {
            viewer = dev.forumkit.web.internal.Viewer.guest(pipeline.api().forum().clock().instant());
        }
        pipeline.refuse(ctx, viewer, dev.forumkit.web.internal.HttpProblem.notFound("there is no page at this address"), pages);
    }

    private static boolean matched(io.javalin.http.Context ctx) {
        try {
            return ctx.endpoints().lastHttpEndpoint() != null;
        } catch (RuntimeException none) {
            return false;
        }
    }
}
