package dev.forumkit.app;

import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two probes a load balancer or orchestrator asks. {@code /health} (liveness): the process serves requests; it
 * never touches the database, so a database outage does not get every node restarted. {@code /ready} (readiness):
 * the database answers and has every migration of this build, so a node may take traffic; 503 otherwise.
 */
final class Probes {
    private static final Logger LOG = LoggerFactory.getLogger(Probes.class);
    /** Once the schema was up to date it stays so for a while: the check reads Flyway's history, not free per probe. */
    private static final long SCHEMA_CHECK_EVERY_NANOS = 30_000_000_000L;
    private final ForumStorage storage;
    private volatile long schemaCheckedAt;
    private volatile boolean schemaUpToDate;

    Probes(ForumStorage storage) {
        this.storage = storage;
    }

    void health(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }

    void ready(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            long members = storage.transactions().readOnly(() -> storage.members().count());
            int pending = pendingMigrations();
            body.put("status", pending == 0 ? "ready" : "unavailable");
            body.put("database", "up");
            body.put("migrations", pending == 0 ? "applied" : pending + " pending");
            body.put("members", members);
            ctx.status(pending == 0 ? 200 : 503).json(body);
        } catch (RuntimeException e) {
            LOG.warn("readiness check: database unreachable: {}", e.toString());
            body.put("status", "unavailable");
            body.put("database", "down");
            ctx.status(503).json(body);
        }
    }

    private int pendingMigrations() {
        if (!(storage instanceof JdbiForumStorage jdbi)) {
            return 0; // the in-memory storage has no schema
        }
        if (schemaUpToDate && System.nanoTime() - schemaCheckedAt < SCHEMA_CHECK_EVERY_NANOS) {
            return 0;
        }
        int pending = jdbi.pendingMigrations();
        schemaUpToDate = pending == 0;
        schemaCheckedAt = System.nanoTime();
        return pending;
    }
}
