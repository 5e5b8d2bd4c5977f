package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.storage.ReplicaReads;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read replica routing on two H2 databases whose rows differ (a member only on the "replica"), so every read shows
 * where it went: only reads that {@code ReplicaReads} allows go to the replica, never reads inside a write
 * transaction, and none while the replica lags beyond the limit or fails.
 */
class ReadReplicaTest {
    private JdbiForumStorage primary;
    private JdbiForumStorage replicaCopy;
    private final AtomicReference<Object> lag = new AtomicReference<>(Duration.ZERO);

    @BeforeEach
    void twoDatabases() {
        String name = "replica" + System.nanoTime();
        primary = JdbiForumStorage.owning(ConnectionPools.hikari("jdbc:h2:mem:p" + name + ";DB_CLOSE_DELAY=-1", "sa", "", TestPools.patient(4)));
        replicaCopy = JdbiForumStorage.owning(ConnectionPools.hikari("jdbc:h2:mem:r" + name + ";DB_CLOSE_DELAY=-1", "sa", "", TestPools.patient(4)));
        replicaCopy.transactions().run(() -> replicaCopy.members().add(Member.withoutId("onreplica", "r@example.org", "x",
                Instant.parse("2026-01-01T00:00:00Z"), Role.MEMBER)));
        com.zaxxer.hikari.HikariDataSource replicaPool = ConnectionPools.hikari("jdbc:h2:mem:r" + name + ";DB_CLOSE_DELAY=-1", "sa", "", TestPools.patient(4));
        primary.readReplica(Jdbi.create(replicaPool), Duration.ofSeconds(10), () -> {
            Object l = lag.get();
            if (l instanceof RuntimeException e) {
                throw e;
            }
            return (Duration) l;
        }, replicaPool, false);
    }

    @AfterEach
    void close() {
        primary.close();
        replicaCopy.close();
    }

    private boolean readsReplica() {
        return primary.transactions().readOnly(() -> primary.members().byUsername("onreplica").isPresent());
    }

    @Test
    void onlyAllowedReadsGoToTheReplica() {
        assertThat(readsReplica()).as("by default: the primary").isFalse();
        assertThat(ReplicaReads.allowedDuring(this::readsReplica)).isTrue();
        assertThat(ReplicaReads.allowedDuring(() -> primary.transactions().inTransaction(this::readsReplica)))
                .as("a read inside a write transaction").isFalse();
        assertThat(ReplicaReads.allowed()).as("restored after").isFalse();
        assertThat(primary.readReplicaState()).startsWith("in use");
    }

    @Test
    void aLaggingReplicaIsLeftUntilItCatchesUp() {
        lag.set(Duration.ofSeconds(11));
        primary.checkReadReplica();
        assertThat(ReplicaReads.allowedDuring(this::readsReplica)).as("11 s behind, limit 10 s").isFalse();
        assertThat(primary.readReplicaState()).startsWith("lagging");

        lag.set(Duration.ofMillis(200));
        primary.checkReadReplica();
        assertThat(ReplicaReads.allowedDuring(this::readsReplica)).isTrue();
    }

    @Test
    void aReplicaThatFailsIsLeftAndReadsGoToThePrimary() {
        lag.set(new IllegalStateException("connection refused"));
        primary.checkReadReplica();
        assertThat(ReplicaReads.allowedDuring(this::readsReplica)).isFalse();
        assertThat(primary.readReplicaState()).contains("down").contains("connection refused");

        lag.set(Duration.ZERO);
        primary.checkReadReplica();
        assertThat(ReplicaReads.allowedDuring(this::readsReplica)).as("back").isTrue();
    }
}
