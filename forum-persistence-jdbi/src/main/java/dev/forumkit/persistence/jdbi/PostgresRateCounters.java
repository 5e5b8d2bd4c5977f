package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.limit.RateCounters;
import dev.forumkit.core.limit.RateWindow;

import java.time.Duration;
import java.time.Instant;

/**
 * Rate windows in the table {@code rate_counters} (migration V18, PostgreSQL only): one upsert per attempt, which
 * PostgreSQL makes atomic per key, so two nodes counting the same key at once both count. It runs apart from any
 * transaction of the caller's, so an attempt counts even if the command it guarded rolls back.
 */
final class PostgresRateCounters implements RateCounters {
    private final JdbiTransactions db;

    PostgresRateCounters(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public RateWindow take(String key, Instant now, Duration window) {
        return db.apart(h -> h.createQuery("INSERT INTO rate_counters (counter_key, used, window_ends_at) VALUES (:key, 1, :ends)"
                        + " ON CONFLICT (counter_key) DO UPDATE SET"
                        + " used = CASE WHEN rate_counters.window_ends_at <= :now THEN 1"
                        + "   WHEN rate_counters.used < 2147483647 THEN rate_counters.used + 1 ELSE rate_counters.used END,"
                        + " window_ends_at = CASE WHEN rate_counters.window_ends_at <= :now THEN EXCLUDED.window_ends_at"
                        + "   ELSE rate_counters.window_ends_at END"
                        + " RETURNING used, window_ends_at")
                .bind("key", key).bind("ends", Rows.ts(now.plus(window))).bind("now", Rows.ts(now))
                .map((rs, ctx) -> new RateWindow(rs.getInt("used"), Rows.instant(rs, "window_ends_at"))).one());
    }

    @Override
    public void forget(String key) {
        db.apart(h -> h.createUpdate("DELETE FROM rate_counters WHERE counter_key = :key").bind("key", key).execute());
    }

    @Override
    public int removeEnded(Instant now) {
        return db.apart(h -> h.createUpdate("DELETE FROM rate_counters WHERE window_ends_at <= :now").bind("now", Rows.ts(now)).execute());
    }
}
