package dev.forumkit.web.internal;

import dev.forumkit.core.policy.Standing;
import dev.forumkit.web.Access;
import dev.forumkit.web.ForumRoute;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

/**
 * Every API route with its access rule, and the one pipeline each request goes through: security headers,
 * same-origin check, viewer, CSRF, access rule, the route's work, and the error mapping. Unknown paths under the
 * API prefix get JSON 404s and 405s from here too.
 */
public final class RouteTable {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private final String prefix;
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(ForumRoute route, Endpoint endpoint) {
    }

    public RouteTable(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public RouteTable get(String path, Access access, Endpoint endpoint) {
        return add("GET", path, access, endpoint);
    }

    public RouteTable post(String path, Access access, Endpoint endpoint) {
        return add("POST", path, access, endpoint);
    }

    public RouteTable put(String path, Access access, Endpoint endpoint) {
        return add("PUT", path, access, endpoint);
    }

    public RouteTable patch(String path, Access access, Endpoint endpoint) {
        return add("PATCH", path, access, endpoint);
    }

    public RouteTable delete(String path, Access access, Endpoint endpoint) {
        return add("DELETE", path, access, endpoint);
    }

    private RouteTable add(String method, String path, Access access, Endpoint endpoint) {
        ForumRoute route = new ForumRoute(method, prefix + path, access);
        if (entries.stream().anyMatch(e -> e.route().method().equals(method) && e.route().path().equals(route.path()))) {
            throw new IllegalStateException("route registered twice: " + method + " " + route.path());
        }
        entries.add(new Entry(route, endpoint));
        return this;
    }

    public List<ForumRoute> routes() {
        return entries.stream().map(Entry::route).toList();
    }

    /** Registers every route, then the catch-alls for unknown API paths (registered last, so matched last). */
    public void install(JavalinDefaultRoutingApi routes, Api api) {
        for (Entry e : entries) {
            routes.addHttpHandler(HandlerType.findOrCreate(e.route().method()), e.route().path(), ctx -> handle(ctx, e, api));
        }
        for (String method : METHODS) {
            routes.addHttpHandler(HandlerType.findOrCreate(method), prefix, this::unknown);
            routes.addHttpHandler(HandlerType.findOrCreate(method), prefix + "/<rest>", this::unknown);
        }
    }

    private void handle(Context ctx, Entry e, Api api) {
        ForumRoute route = e.route();
        startResponse(ctx);
        try {
            if (route.changesState()) {
                api.checks().sameOrigin(ctx);
            }
            Viewer viewer = api.sessions().resolve(ctx);
            if (route.changesState()) {
                api.checks().csrf(ctx, viewer);
            }
            gate(route.access(), viewer);
            Object out = e.endpoint().handle(new Call(ctx, viewer, api));
            if (out instanceof CompletionStage<?> stage) {
                ctx.future(() -> stage.toCompletableFuture().handle((result, failure) -> {
                    if (failure != null) {
                        ApiErrors.write(ctx, failure);
                    } else {
                        respond(ctx, result);
                    }
                    return null;
                }));
            } else {
                respond(ctx, out);
            }
        } catch (Exception failure) {
            ApiErrors.write(ctx, failure);
        }
    }

    static void gate(Access access, Viewer viewer) {
        if (access == Access.ANYONE) {
            return;
        }
        if (viewer.isGuest()) {
            throw HttpProblem.signInRequired();
        }
        Standing s = viewer.standing();
        if (access == Access.STAFF && !s.isStaff()) {
            throw HttpProblem.forbidden(s == Standing.BANNED ? "banned members cannot do that" : "only moderators and admins may do that");
        }
        if (access == Access.ADMIN && s != Standing.ADMIN) {
            throw HttpProblem.forbidden(s == Standing.BANNED ? "banned members cannot do that" : "only admins may do that");
        }
    }

    private static void respond(Context ctx, Object out) {
        if (out == null) {
            Json.write(ctx, 204, null);
        } else if (out instanceof Reply r) {
            Json.write(ctx, r.status(), r.body());
        } else {
            Json.write(ctx, 200, out);
        }
    }

    private void unknown(Context ctx) {
        startResponse(ctx);
        String path = ctx.path();
        TreeSet<String> allow = new TreeSet<>();
        for (Entry e : entries) {
            if (matches(e.route().path(), path)) {
                allow.add(e.route().method());
            }
        }
        if (allow.isEmpty()) {
            ApiErrors.write(ctx, HttpProblem.routeNotFound(ctx.method().name(), path));
        } else {
            ctx.header("Allow", String.join(", ", allow));
            ApiErrors.write(ctx, HttpProblem.methodNotAllowed(ctx.method().name()));
        }
    }

    private static void startResponse(Context ctx) {
        SecurityHeaders.apply(ctx);
        ctx.header("Cache-Control", "no-store");
    }

    /** Does a concrete path fit a route pattern with {@code {param}} segments? */
    static boolean matches(String pattern, String path) {
        String[] p = trim(pattern).split("/");
        String[] a = trim(path).split("/");
        if (p.length != a.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            boolean param = p[i].startsWith("{") && p[i].endsWith("}");
            if (!param && !p[i].equals(a[i])) {
                return false;
            }
        }
        return true;
    }

    private static String trim(String s) {
        return s.endsWith("/") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }

}
