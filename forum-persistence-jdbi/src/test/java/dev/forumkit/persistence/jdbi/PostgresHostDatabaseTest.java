package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.signal.Signal;
import dev.forumkit.core.storage.ForumStorage;
import org.junit.jupiter.api.Test;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forum in a schema of its own in a host's PostgreSQL database, beside the host's own tables and history; search
 * runs on the database's full-text index in the forum's schema.
 */
class PostgresHostDatabaseTest extends HostDatabaseContract {
    @Override
    protected HostDatabase openHost() {
        return HostDatabase.postgres(PostgresServer.shared());
    }

    @Override
    protected void configureSearch(ForumConfig config, ForumStorage storage) {
        config.searchIndex(((JdbiForumStorage) storage).searchIndex().orElseThrow());
    }

    @Test
    void twoNodesOnTheHostsPoolHearEachOtherOnTheForumSchemasChannel() throws Exception {
        try (HostDatabase host = openHost();
             JdbiForumStorage one = JdbiForumStorage.create(host.pool(), host.forumSchema());
             JdbiForumStorage two = JdbiForumStorage.create(host.pool(), host.forumSchema())) {
            LinkedBlockingQueue<Signal> heard = new LinkedBlockingQueue<>();
            two.signals().listen(heard::add);
            assertThat(((PostgresSignals) two.signals()).awaitLive(10_000)).isTrue();
            assertThat(host.rows("SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN \"forumkit_"
                    + host.forumSchema().name() + "\"'")).containsExactly("1");

            one.signals().publish(new Signal("outbox", "7"));

            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new Signal("outbox", "7"));
        }
    }

    @Test
    void aPoolOfTheForumsOwnByJdbcUrlPutsItsConnectionsInTheSchema() {
        PostgresServer server = PostgresServer.shared();
        try (HostDatabase host = openHost()) {
            try (JdbiForumStorage storage = JdbiForumStorage.connect(server.url(), server.user(), server.password(),
                    host.forumSchema())) {
                storage.transactions().inTransaction(() -> storage.members().add(dev.forumkit.core.member.Member.withoutId(
                        "ada", "ada@forum.example", "hash", java.time.Instant.parse("2026-01-01T00:00:00Z"),
                        dev.forumkit.core.member.Role.MEMBER)));
                assertThat(storage.pendingMigrations()).isZero();
            }
            assertThat(host.rows("SELECT username FROM " + host.forumSchema().name() + ".members")).containsExactly("ada");
            host.assertUntouched();
        }
    }
}
