package dev.forumkit.persistence.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.forumkit.core.StorageUnavailableException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * HikariCP pools that fail fast: a database that cannot be reached gives a storage-unavailable error within about
 * two seconds instead of hanging a request, and the pool reconnects by itself once the database is back.
 */
public final class ConnectionPools {
    /** How long a request waits for a connection before the storage counts as unavailable. */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** How long a PostgreSQL socket read may block (the longest statement the forum expects, with a margin). */
    public static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private ConnectionPools() {
    }

    /** A fixed pool of 10 connections to the given database. */
    public static HikariDataSource hikari(String jdbcUrl, String user, String password) {
        return hikari(jdbcUrl, user, password, c -> { });
    }

    /** The same pool, with settings changed by {@code tune} (pool size, time-outs, ...) before it starts. */
    public static HikariDataSource hikari(String jdbcUrl, String user, String password, Consumer<HikariConfig> tune) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("forumkit");
        c.setJdbcUrl(jdbcUrl);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(10);
        c.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        c.setValidationTimeout(1_000);
        c.setInitializationFailTimeout(-1); // start even while the database is down; requests fail fast until it is up
        c.setAutoCommit(true);
        c.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            c.addDataSourceProperty("connectTimeout", String.valueOf(CONNECTION_TIMEOUT.toSeconds()));
            c.addDataSourceProperty("loginTimeout", String.valueOf(CONNECTION_TIMEOUT.toSeconds()));
            c.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toSeconds()));
            c.addDataSourceProperty("tcpKeepAlive", "true");
            c.addDataSourceProperty("reWriteBatchedInserts", "true"); // bulk loads: one multi-row INSERT per batch
            c.addDataSourceProperty("ApplicationName", "forumkit");
        }
        tune.accept(c);
        return new HikariDataSource(c);
    }

    /**
     * The JDBC URL of the embedded H2 file database {@code forum} in {@code dataDir}. Every commit is written to
     * the file before it is acknowledged ({@code WRITE_DELAY=0}), so a killed process loses no acknowledged
     * command; a lock is waited for 10 seconds at most. The page cache is {@value #H2_CACHE_KB} KB, H2's default: at
     * -Xmx256m a 64 MB cache (the setting before) kept the old generation at about 100 MB instead of 60, and under
     * thread pages of random threads it bought no request CPU but cost 0.25-0.35 ms of GC CPU per page (G1's workers
     * and concurrent marking: docs/performance.md, task pagecost). {@code REUSE_SPACE=FALSE}: H2 2.5 writes every chunk at the
     * end of the file; with space reuse it put a chunk into a freed hole that the file header did not point to, and
     * after a kill -9 it opened the file at the chunk before, losing acknowledged commits (CrashIT, 2 of 3 runs). The
     * price: the file grows by about 16 KB per write transaction on a small forum and 50-65 KB on a million-post one
     * while the server runs, two thirds of it H2's chunk metadata (docs/performance.md, "Replies on an aged H2 file").
     */
    public static String embeddedH2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("forum")
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;REUSE_SPACE=FALSE;CACHE_SIZE="
                + H2_CACHE_KB;
    }

    /** The embedded H2 page cache in KB. */
    static final int H2_CACHE_KB = 16_384;

    /**
     * A pool on the embedded H2 database under {@code dataDir} (created if missing). The file is opened once before
     * the pool, without the pool's 2 s time-out: after a crash H2 checks the file first, which on a busy machine has
     * taken longer than that (the time-out is for a database that is down, not for one that is opening).
     */
    public static HikariDataSource embeddedH2(Path dataDir) {
        return embeddedH2(dataDir, null);
    }

    /**
     * The same pool with each connection in {@code schema} (created if missing; null for H2's default schema), for
     * a forum that shares its H2 database with a host's tables.
     */
    public static HikariDataSource embeddedH2(Path dataDir, String schema) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        String url = embeddedH2Url(dataDir);
        try (Connection opening = DriverManager.getConnection(url, "sa", "")) {
            if (schema != null) {
                try (java.sql.Statement s = opening.createStatement()) {
                    s.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema.replace("\"", "\"\"") + '"');
                }
            }
            HikariDataSource pool = hikari(url, "sa", "", c -> c.setSchema(schema));
            try (Connection first = pool.getConnection()) {
                return pool; // its connections keep the database open once the opening one closes
            } catch (SQLException | RuntimeException e) {
                pool.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageUnavailableException("cannot open the embedded H2 database in " + dataDir, e);
        }
    }
}
