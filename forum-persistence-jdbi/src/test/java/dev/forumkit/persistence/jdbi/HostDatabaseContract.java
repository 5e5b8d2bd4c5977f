package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.testkit.StorageFactory;
import dev.forumkit.testkit.contract.MemberAccountsContract;
import dev.forumkit.testkit.contract.PostsPortContract;
import dev.forumkit.testkit.contract.RecountContract;
import dev.forumkit.testkit.contract.SearchingContract;
import dev.forumkit.testkit.contract.SessionsPortContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forum inside a host application's database (issue 20): the host has its own {@code members} and
 * {@code sessions} tables and its own Flyway history; the forum runs in a schema of its own on the host's pool.
 * Representative groups of the storage contract (registration, posting, sessions, search, recount) run there (the
 * whole contract runs in a non-default schema in PostgresForumStorageContractTest), and after every test the host's tables, rows and history are as the host left them and its Flyway validates.
 */
abstract class HostDatabaseContract {
    private final Map<ForumStorage, HostDatabase> hosts = new IdentityHashMap<>();

    /** A fresh host database with the host's tables and history in place. */
    protected abstract HostDatabase openHost();

    /** The forum's full-text index in its storage, if the database has one, for the search group. */
    protected void configureSearch(ForumConfig config, ForumStorage storage) {
    }

    private StorageFactory inHostDatabase() {
        return new StorageFactory() {
            @Override
            public ForumStorage createStorage() {
                HostDatabase host = openHost();
                JdbiForumStorage storage = JdbiForumStorage.create(host.pool(), host.forumSchema());
                hosts.put(storage, host);
                return storage;
            }

            @Override
            public void closeStorage(ForumStorage storage) {
                HostDatabase host = hosts.remove(storage);
                try (host) {
                    storage.close();
                    host.assertUntouched();
                }
            }
        };
    }

    @Test
    void theForumsTablesAndHistoryAreInItsSchemaAndABuiltStorageFindsThemAgain() {
        try (HostDatabase host = openHost()) {
            try (JdbiForumStorage storage = JdbiForumStorage.create(host.pool(), host.forumSchema())) {
                storage.transactions().inTransaction(() -> storage.members().add(
                        Member.withoutId("ada", "ada@forum.example", "hash", Instant.parse("2026-01-01T00:00:00Z"), Role.MEMBER)));
            }
            assertThat(host.tables(host.forumSchema().name())).contains("members", "sessions", "posts",
                    ForumSchema.HISTORY_TABLE).doesNotContain("flyway_schema_history");
            try (JdbiForumStorage again = JdbiForumStorage.create(Jdbi.create(host.pool()), host.forumSchema())) {
                assertThat(again.pendingMigrations()).isZero();
                assertThat(again.transactions().readOnly(() -> again.members().byUsername("ada"))).isPresent();
            }
            host.assertUntouched();
        }
    }

    @Test
    void theHostsFlywayCanStillMigrateAfterTheForum() {
        try (HostDatabase host = openHost()) {
            JdbiForumStorage.create(host.pool(), host.forumSchema()).close();
            // a host migration added later (a new location with V2) still runs in the host's own history
            org.flywaydb.core.Flyway later = org.flywaydb.core.Flyway.configure().dataSource(host.pool())
                    .locations("classpath:hostapp/migration", "classpath:hostapp/later").load();
            assertThat(later.migrate().migrationsExecuted).isEqualTo(1);
            assertThat(host.rows("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
                    .containsExactly("1", "2");
            assertThat(host.columns("members")).containsExactly("id", "email", "display_name", "nickname");
        }
    }

    @Nested
    class MemberAccounts extends MemberAccountsContract {
        @Override protected StorageFactory storageFactory() { return inHostDatabase(); }
    }

    @Nested
    class PostsPort extends PostsPortContract {
        @Override protected StorageFactory storageFactory() { return inHostDatabase(); }
    }

    @Nested
    class SessionsPort extends SessionsPortContract {
        @Override protected StorageFactory storageFactory() { return inHostDatabase(); }
    }

    @Nested
    class Searching extends SearchingContract {
        @Override protected StorageFactory storageFactory() { return inHostDatabase(); }

        @Override
        protected void configure(ForumConfig config) {
            configureSearch(config, storage);
        }
    }

    @Nested
    class Recount extends RecountContract {
        @Override protected StorageFactory storageFactory() { return inHostDatabase(); }
    }
}
