package dev.forumkit.persistence.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host application's database for tests: the host's own pool, its own {@code members} and {@code sessions} tables
 * (other columns than the forum's) made by the host's own Flyway migration with Flyway's default history table, and a
 * schema the forum is to use. {@link #assertUntouched()} checks that the host's tables, rows and history are as the
 * host left them and that the host's Flyway still validates.
 */
final class HostDatabase implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final HikariDataSource pool;
    private final String hostSchema;
    private final ForumSchema forumSchema;
    private final Runnable drop;
    private static final String HISTORY = "SELECT * FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"";
    private final List<String> historyBefore;

    private HostDatabase(HikariDataSource pool, String hostSchema, ForumSchema forumSchema, Runnable drop, boolean hostTables) {
        this.pool = pool;
        this.hostSchema = hostSchema;
        this.forumSchema = forumSchema;
        this.drop = drop;
        if (hostTables) {
            hostFlyway().migrate();
        }
        this.historyBefore = hostTables ? rows(HISTORY) : List.of();
    }

    /** A fresh H2 database: the host's tables in PUBLIC, the forum in the schema {@code forum}. */
    static HostDatabase h2() {
        return h2(true);
    }

    /** A fresh, empty H2 database. */
    static HostDatabase h2Empty() {
        return h2(false);
    }

    private static HostDatabase h2(boolean hostTables) {
        String url = "jdbc:h2:mem:host" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
        HikariDataSource pool = ConnectionPools.hikari(url, "sa", "", TestPools.patient(12));
        return new HostDatabase(pool, "PUBLIC", ForumSchema.named("forum"), () -> {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN"); // frees the in-memory database
            } catch (SQLException e) {
                // closing the statement of a database just shut down fails: it is gone either way
            }
        }, hostTables);
    }

    /**
     * The host's tables in a fresh schema of the shared server (the host's current schema), the forum in another:
     * fresh schemas rather than databases, so that it runs on a developer's own server too.
     */
    static HostDatabase postgres(PostgresServer server) {
        String url = server.freshSchemaUrl();
        String hostSchema = url.substring(url.lastIndexOf('=') + 1);
        String forumSchema = "forum_" + hostSchema;
        HikariDataSource pool = ConnectionPools.hikari(url, server.user(), server.password(), TestPools.patient(12));
        return new HostDatabase(pool, hostSchema, ForumSchema.named(forumSchema), () -> {
            server.dropSchemaOf(url);
            server.execute("DROP SCHEMA IF EXISTS " + forumSchema + " CASCADE");
        }, true);
    }

    /** Just a pool on {@code url} of the server; the caller drops what it made. */
    static HostDatabase postgresPool(PostgresServer server, String url, String schema) {
        HikariDataSource pool = ConnectionPools.hikari(url, server.user(), server.password(), TestPools.patient(4));
        return new HostDatabase(pool, schema, ForumSchema.named(schema), () -> { }, false);
    }

    /** The host's pool: the forum borrows from it and must leave it open. */
    HikariDataSource pool() {
        return pool;
    }

    ForumSchema forumSchema() {
        return forumSchema;
    }

    String hostSchema() {
        return hostSchema;
    }

    /** The host's own Flyway: its migrations, Flyway's default history table, the connection's schema. */
    Flyway hostFlyway() {
        return Flyway.configure().dataSource(pool).locations("classpath:hostapp/migration").load();
    }

    void assertUntouched() {
        assertThat(pool.isClosed()).as("the host's pool is open").isFalse();
        assertThat(rows("SELECT id, email, display_name FROM members ORDER BY id"))
                .containsExactly("1|ada@host.example|Ada", "2|bo@host.example|Bo");
        assertThat(rows("SELECT sid, user_id, payload FROM sessions")).containsExactly("host-session-1|1|cart=3");
        assertThat(columns("members")).containsExactly("id", "email", "display_name");
        assertThat(columns("sessions")).containsExactly("sid", "user_id", "payload");
        assertThat(rows("SELECT \"version\", \"script\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"))
                .as("the host's history holds the host's migration only")
                .containsExactly("1|V1__host_tables.sql|true");
        assertThat(rows(HISTORY)).as("the host's history, row for row").isEqualTo(historyBefore);
        assertThat(tables(hostSchema)).as("nothing of the forum's in the host's schema")
                .containsExactlyInAnyOrder("members", "sessions", "flyway_schema_history");
        assertThat(hostFlyway().validateWithResult().validationSuccessful).as("the host's Flyway validates").isTrue();
        assertThat(hostFlyway().info().pending()).isEmpty();
    }

    List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    values.add(String.valueOf(r.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }

    /** The columns of a table in the host's schema, lower case, in order. */
    List<String> columns(String table) {
        List<String> names = new ArrayList<>();
        try (Connection c = pool.getConnection();
             ResultSet r = c.getMetaData().getColumns(null, hostSchema, caseOf(c, table), null)) {
            while (r.next()) {
                names.add(r.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    /** The tables of a schema, lower case. */
    List<String> tables(String schema) {
        List<String> names = new ArrayList<>();
        try (Connection c = pool.getConnection(); ResultSet r = c.getMetaData().getTables(null, schema, null, new String[] {"TABLE"})) {
            while (r.next()) {
                names.add(r.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    /** H2 folds unquoted names to upper case, PostgreSQL to lower case. */
    private static String caseOf(Connection c, String name) throws SQLException {
        return c.getMetaData().storesUpperCaseIdentifiers() ? name.toUpperCase(java.util.Locale.ROOT) : name;
    }

    @Override
    public void close() {
        try {
            drop.run();
        } finally {
            pool.close();
        }
    }
}
