package dev.forumkit.web;

import dev.forumkit.core.storage.ReplicaReads;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;

import java.time.Duration;
import java.util.Objects;

/**
 * Which requests may read from a read replica (for a storage that has one, such as
 * {@code JdbiForumStorage.readReplica(...)}): page views (GET, HEAD) of clients that wrote nothing in the last
 * {@code stickiness}. Any other request marks its client with a short-lived cookie, so the member's next pages, the
 * page a form redirects to included, come from the primary and show what they just wrote, however far the replica
 * lags. {@code ReplicaRouting.install(config, Duration.ofSeconds(10))} next to the forum plugin.
 */
public final class ReplicaRouting {
    /** The cookie that keeps a client that just wrote on the primary; its value means nothing. */
    public static final String COOKIE = "forumkit_wrote";
    private final Duration stickiness;

    private ReplicaRouting(Duration stickiness) {
        this.stickiness = stickiness;
    }

    /** Adds the before and after filters that decide, per request, whether its reads may use the replica. */
    public static void install(JavalinConfig config, Duration stickiness) {
        Objects.requireNonNull(stickiness, "stickiness");
        if (stickiness.isNegative()) {
            throw new IllegalArgumentException("stickiness must not be negative: " + stickiness);
        }
        ReplicaRouting routing = new ReplicaRouting(stickiness);
        config.routes.before(routing::before);
        config.routes.after(routing::after);
    }

    private void before(Context ctx) {
        // set on every request, so nothing a previous request on this thread left can leak into this one
        ReplicaReads.allow(reads(ctx.method()) && ctx.cookie(COOKIE) == null);
    }

    private void after(Context ctx) {
        try {
            if (!reads(ctx.method()) && ctx.method() != HandlerType.OPTIONS && !stickiness.isZero()) {
                ctx.cookie(new Cookie(COOKIE, "1", "/", (int) Math.min(Integer.MAX_VALUE, stickiness.toSeconds()),
                        false, true, null, SameSite.LAX));
            }
        } finally {
            ReplicaReads.clear();
        }
    }

    private static boolean reads(HandlerType method) {
        return method == HandlerType.GET || method == HandlerType.HEAD;
    }
}
