package dev.forumkit.persistence.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Role;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The forum's own Flyway history table: a database built by an earlier version (history in Flyway's default table)
 * keeps working and its history moves over, with every migration after it applied; a host's own default history is
 * never taken for the forum's.
 */
class ForumHistoryTableTest {
    /** Builds the forum's schema the way versions before the forum's own history table did, up to V7 (so that V8, which marks existing members verified, runs after the move). */
    private static void buildTheOldWay(DataSource ds, String vendor) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .target("7").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO members (username, username_key, email, password_hash, joined_at, role)"
                    + " VALUES ('Old', 'old', 'old@example.org', 'hash', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 'MEMBER')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anH2DatabaseBuiltTheOldWayKeepsWorkingAndItsHistoryMovesOver() {
        try (HostDatabase db = HostDatabase.h2Empty()) {
            buildTheOldWay(db.pool(), "h2");
            int oldRows = db.rows("SELECT * FROM \"flyway_schema_history\"").size();

            try (JdbiForumStorage storage = JdbiForumStorage.create(db.pool())) {
                assertWorksAfterAdoption(storage, db, "PUBLIC", oldRows);
            }
            assertAHostMayNowUseTheDefaultHistoryTable(db);
        }
    }

    @Test
    void aPostgresSchemaBuiltTheOldWayKeepsWorkingWhenNamedAsTheForumsSchema() {
        PostgresServer server = PostgresServer.shared();
        String url = server.freshSchemaUrl();
        String schema = url.substring(url.lastIndexOf('=') + 1);
        try (HikariDataSource old = ConnectionPools.hikari(url, server.user(), server.password())) {
            buildTheOldWay(old, "postgresql");
        }
        // now the host's pool, in the default schema, and the forum told its schema's name
        try (HostDatabase db = HostDatabase.postgresPool(server, server.url(), schema)) {
            int oldRows = db.rows("SELECT * FROM " + schema + ".flyway_schema_history").size();
            try (JdbiForumStorage storage = JdbiForumStorage.create(db.pool(), ForumSchema.named(schema))) {
                assertWorksAfterAdoption(storage, db, schema, oldRows);
            }
        } finally {
            server.dropSchemaOf(url);
        }
    }

    private static void assertWorksAfterAdoption(JdbiForumStorage storage, HostDatabase db, String schema, int oldRows) {
        Member old = storage.transactions().readOnly(() -> storage.members().byUsername("old")).orElseThrow();
        assertThat(old.emailVerified()).as("V8 ran after the history moved").isTrue();
        storage.transactions().inTransaction(() -> storage.members().add(
                Member.withoutId("new", "new@example.org", "hash", Instant.parse("2026-01-01T00:00:00Z"), Role.MEMBER)));
        assertThat(storage.pendingMigrations()).isZero();
        assertThat(db.tables(schema)).contains(ForumSchema.HISTORY_TABLE).doesNotContain("flyway_schema_history");
        String q = "\"" + schema + "\".\"" + ForumSchema.HISTORY_TABLE + "\"";
        assertThat(db.rows("SELECT * FROM " + q + " WHERE \"version\" IN ('1', '7')")).as("the old rows moved").hasSize(2);
        assertThat(db.rows("SELECT * FROM " + q).size()).as("later migrations recorded after them").isGreaterThan(oldRows);
    }

    /** The renamed table's constraints and indexes carry its new name, so the default table can be made beside it. */
    private static void assertAHostMayNowUseTheDefaultHistoryTable(HostDatabase db) {
        Flyway host = Flyway.configure().dataSource(db.pool()).locations("classpath:hostapp/beside")
                .baselineOnMigrate(true).baselineVersion("1").load();
        assertThat(host.migrate().migrationsExecuted).isEqualTo(1);
        assertThat(db.tables("PUBLIC")).contains("host_orders", "flyway_schema_history", ForumSchema.HISTORY_TABLE);
    }

    @Test
    void aHostsOwnDefaultHistoryIsNotTakenForTheForumsAndTheErrorSaysWhatToDo() {
        try (HostDatabase host = HostDatabase.h2()) {
            assertThatThrownBy(() -> JdbiForumStorage.create(host.pool()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ForumSchema.named")
                    .hasMessageContaining("jdbc.schema");
            host.assertUntouched();
        }
    }
}
