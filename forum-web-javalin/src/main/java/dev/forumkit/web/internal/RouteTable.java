package dev.forumkit.web.internal;

import dev.forumkit.web.Access;
import dev.forumkit.web.ForumRoute;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.util.List;
import java.util.TreeSet;

/**
 * Every API route with its access rule; each request goes through the {@link Pipeline} and is answered as JSON.
 * Unknown paths under the API prefix get JSON 404s and 405s from here too.
 */
public final class RouteTable {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private final String prefix;
    private final Registry registry = new Registry("route");

    public RouteTable(String prefix) {
        this.prefix = prefix;
    }

    public RouteTable get(String path, Access access, Endpoint endpoint) {
        registry.add("GET", prefix + path, access, endpoint);
        return this;
    }

    public RouteTable post(String path, Access access, Endpoint endpoint) {
        registry.add("POST", prefix + path, access, endpoint);
        return this;
    }

    public RouteTable put(String path, Access access, Endpoint endpoint) {
        registry.add("PUT", prefix + path, access, endpoint);
        return this;
    }

    public RouteTable patch(String path, Access access, Endpoint endpoint) {
        registry.add("PATCH", prefix + path, access, endpoint);
        return this;
    }

    public RouteTable delete(String path, Access access, Endpoint endpoint) {
        registry.add("DELETE", prefix + path, access, endpoint);
        return this;
    }

    public List<ForumRoute> routes() {
        return registry.routes();
    }

    /** Registers every route, then the catch-alls for unknown API paths (registered last, so matched last). */
    public void install(JavalinDefaultRoutingApi routes, Pipeline pipeline) {
        JsonResponder json = new JsonResponder();
        pipeline.install(routes, registry, json);
        for (String method : METHODS) {
            routes.addHttpHandler(HandlerType.findOrCreate(method), prefix, ctx -> unknown(ctx, pipeline, json));
            routes.addHttpHandler(HandlerType.findOrCreate(method), prefix + "/<rest>", ctx -> unknown(ctx, pipeline, json));
        }
    }

    private void unknown(Context ctx, Pipeline pipeline, JsonResponder json) {
        SecurityHeaders.apply(ctx, pipeline.api().settings().security());
        String path = ctx.path();
        TreeSet<String> allow = new TreeSet<>();
        for (ForumRoute route : registry.routes()) {
            if (matches(route.path(), path)) {
                allow.add(route.method());
            }
        }
        Viewer nobody = Viewer.guest(pipeline.api().forum().clock().instant());
        if (allow.isEmpty()) {
            pipeline.refuse(ctx, nobody, HttpProblem.routeNotFound(ctx.method().name(), path), json);
        } else {
            ctx.header("Allow", String.join(", ", allow));
            pipeline.refuse(ctx, nobody, HttpProblem.methodNotAllowed(ctx.method().name()), json);
        }
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
