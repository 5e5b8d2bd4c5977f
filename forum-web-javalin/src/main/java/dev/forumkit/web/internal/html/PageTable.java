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
        pipeline.install(routes, registry, new PageResponder(pipeline.api(), new JteRenderer()));
    }
}
