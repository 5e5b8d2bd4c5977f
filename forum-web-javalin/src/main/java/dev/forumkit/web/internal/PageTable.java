package dev.forumkit.web.internal;

import dev.forumkit.web.Access;
import dev.forumkit.web.ForumRoute;
import dev.forumkit.web.internal.html.Asset;
import dev.forumkit.web.internal.html.Chrome;
import dev.forumkit.web.internal.html.JteRenderer;
import dev.forumkit.web.internal.html.Redirect;
import dev.forumkit.web.internal.html.View;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Every HTML page and form target with its access rule, and the pipeline each goes through: the same checks as
 * the API (same origin and CSRF token on forms, the access rule) with answers as pages. A guest asked to sign in
 * gets the sign-in form (401); other failures get a friendly error page with the status of the API's mapping.
 */
public final class PageTable {
    private final String base;
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(ForumRoute route, Endpoint endpoint) {
    }

    public PageTable(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    public PageTable get(String path, Access access, Endpoint endpoint) {
        return add("GET", path, access, endpoint);
    }

    public PageTable post(String path, Access access, Endpoint endpoint) {
        return add("POST", path, access, endpoint);
    }

    private PageTable add(String method, String path, Access access, Endpoint endpoint) {
        String full = base + path;
        ForumRoute route = new ForumRoute(method, full, access);
        if (entries.stream().anyMatch(e -> e.route().method().equals(method) && e.route().path().equals(full))) {
            throw new IllegalStateException("page registered twice: " + method + " " + full);
        }
        entries.add(new Entry(route, endpoint));
        return this;
    }

    public List<ForumRoute> routes() {
        return entries.stream().map(Entry::route).toList();
    }

    public void install(JavalinDefaultRoutingApi routes, Api api, JteRenderer renderer, String apiPrefix) {
        for (Entry e : entries) {
            routes.addHttpHandler(HandlerType.findOrCreate(e.route().method()), e.route().path(),
                    ctx -> handle(ctx, e, api, renderer, apiPrefix));
        }
    }

    private void handle(Context ctx, Entry e, Api api, JteRenderer renderer, String apiPrefix) {
        ForumRoute route = e.route();
        SecurityHeaders.apply(ctx);
        Viewer viewer = Viewer.guest(api.forum().clock().instant());
        try {
            if (route.changesState()) {
                api.checks().sameOrigin(ctx);
            }
            viewer = api.sessions().resolve(ctx);
            if (route.changesState()) {
                api.checks().csrf(ctx, viewer);
            }
            RouteTable.gate(route.access(), viewer);
            Viewer v = viewer;
            Object out = e.endpoint().handle(new Call(ctx, viewer, api));
            if (out instanceof CompletionStage<?> stage) {
                ctx.future(() -> stage.toCompletableFuture().handle((result, failure) -> {
                    if (failure != null) {
                        fail(ctx, v, failure, api, renderer, apiPrefix);
                    } else {
                        respond(ctx, v, result, api, renderer, apiPrefix);
                    }
                    return null;
                }));
            } else {
                respond(ctx, viewer, out, api, renderer, apiPrefix);
            }
        } catch (Exception failure) {
            fail(ctx, viewer, failure, api, renderer, apiPrefix);
        }
    }

    private void respond(Context ctx, Viewer viewer, Object out, Api api, JteRenderer renderer, String apiPrefix) {
        if (out instanceof Redirect r) {
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(r.location(), io.javalin.http.HttpStatus.forStatus(r.status()));
        } else if (out instanceof Asset a) {
            ctx.header("Cache-Control", "public, max-age=3600");
            ctx.contentType(a.contentType()).result(a.bytes());
        } else if (out instanceof View v) {
            ctx.header("Cache-Control", "private, no-cache");
            render(ctx, viewer, v, api, renderer, apiPrefix);
        } else {
            throw new IllegalStateException("a page returned " + (out == null ? "nothing" : out.getClass().getSimpleName()));
        }
    }

    private void render(Context ctx, Viewer viewer, View v, Api api, JteRenderer renderer, String apiPrefix) {
        Chrome chrome = new Chrome(base, apiPrefix, viewer.member(), viewer.standing(), viewer.csrfToken(),
                api.forum().clock().instant(), v.title(), v.crumbs(), v.isNoindex(),
                ctx.method() == HandlerType.GET ? ctx.path() : null);
        Map<String, Object> model = new java.util.HashMap<>(v.model());
        model.put("c", chrome);
        ctx.status(v.status()).html(renderer.render(v.template() + ".jte", model, ctx));
    }

    /** A failure as a page: sign-in form for 401, otherwise the error page; the text of a form post is kept. */
    private void fail(Context ctx, Viewer viewer, Throwable failure, Api api, JteRenderer renderer, String apiPrefix) {
        ApiErrors.Answer a = ApiErrors.answer(ctx, failure);
        if (a.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(a.retryAfterSeconds()));
        }
        ctx.header("Cache-Control", "no-store");
        ApiErrors.ApiError first = a.errors().get(0);
        String kept = keptText(ctx);
        View view;
        if (a.status() == 401) {
            String next = ctx.method() == HandlerType.GET ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()) : null;
            view = dev.forumkit.web.internal.html.AccountPages.signInRequired(next, kept);
        } else {
            view = dev.forumkit.web.internal.html.ErrorPages.error(a.status(), first.code(), first.message(), a.errorId(), kept);
        }
        try {
            render(ctx, viewer, view.status(a.status()), api, renderer, apiPrefix);
        } catch (RuntimeException broken) {
            ApiErrors.write(ctx, broken);
        }
    }

    /** What a person wrote in a refused form (the post body), so the error page can give it back. */
    private static String keptText(Context ctx) {
        if (ctx.method() != HandlerType.POST || !ctx.isFormUrlencoded()) {
            return null;
        }
        try {
            String body = ctx.formParam("body");
            return body == null || body.isBlank() ? null : body;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
