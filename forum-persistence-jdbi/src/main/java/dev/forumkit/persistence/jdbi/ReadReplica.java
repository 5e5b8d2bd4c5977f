package dev.forumkit.persistence.jdbi;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A read replica for read-only transactions: used while it answers and lags less than {@code maxLag}. A probe on a
 * thread of its own asks it every second (so no request waits on a replica that went away); a failed read marks it
 * down at once, and the read is run again on the primary. The lag is PostgreSQL's replay delay (zero when the replica
 * has replayed all it received, or is no standby at all, as a copy kept by other means).
 */
final class ReadReplica implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ReadReplica.class.getName());
    static final String LAG_SQL = "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0"
            + " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
            + " ELSE COALESCE(EXTRACT(EPOCH FROM (now() - pg_last_xact_replay_timestamp())) * 1000, 0) END";

    /** How far behind the replica is; throws when it does not answer. */
    interface LagProbe {
        Duration lag() throws Exception;
    }

    private final Jdbi jdbi;
    private final Duration maxLag;
    private final LagProbe probe;
    private final AutoCloseable owned;
    private final ScheduledExecutorService checks;
    private volatile boolean usable;
    private volatile String state = "not yet checked";

    ReadReplica(Jdbi jdbi, Duration maxLag, LagProbe probe, AutoCloseable owned, boolean background) {
        this.jdbi = jdbi;
        this.maxLag = maxLag;
        this.probe = probe;
        this.owned = owned;
        check();
        if (background) {
            this.checks = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "forumkit-replica-check");
                t.setDaemon(true);
                return t;
            });
            checks.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
        } else {
            this.checks = null;
        }
    }

    /** The probe for a database: PostgreSQL's replay lag; H2 has no replicas of its own, so a copy never lags. */
    static LagProbe probeOf(Jdbi jdbi) {
        return () -> {
            try (Handle h = jdbi.open()) {
                if (Dialect.of(h.getConnection()) != Dialect.POSTGRES) {
                    h.createQuery("SELECT 1").mapTo(Integer.class).one();
                    return Duration.ZERO;
                }
                return Duration.ofMillis(h.createQuery(LAG_SQL).mapTo(Double.class).one().longValue());
            }
        };
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** True while the last check found it answering and lagging less than the limit, and no read failed since. */
    boolean usable() {
        return usable;
    }

    /** A read on it failed: the primary takes its reads until a check finds it back. */
    void failed(RuntimeException e) {
        if (usable) {
            LOG.log(Level.WARNING, "read replica failed a read; reading from the primary until it answers again: " + e);
        }
        usable = false;
        state = "down: " + e.getMessage();
    }

    void check() {
        boolean was = usable;
        try {
            Duration lag = probe.lag();
            usable = lag.compareTo(maxLag) <= 0;
            state = usable ? "in use, lag " + lag.toMillis() + " ms" : "lagging " + lag.toMillis() + " ms (over "
                    + maxLag.toMillis() + " ms): reads go to the primary";
        } catch (Exception e) {
            usable = false;
            state = "down: " + e.getMessage();
        }
        if (was != usable) {
            LOG.log(usable ? Level.INFO : Level.WARNING, "read replica " + state);
        }
    }

    /** For logs and probes: in use, lagging or down. */
    String state() {
        return state;
    }

    @Override
    public void close() {
        if (checks != null) {
            checks.shutdownNow();
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "could not close the read replica's pool", e);
            }
        }
    }
}
