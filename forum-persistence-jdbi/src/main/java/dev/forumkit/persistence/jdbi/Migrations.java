package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.StorageUnavailableException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * Flyway over {@code classpath:db/migration/common} (SQL both databases accept) and
 * {@code classpath:db/migration/{vendor}} (h2 or postgresql) for what must differ, in the forum's schema with the
 * forum's own history table (see {@link ForumSchema}).
 */
final class Migrations {
    private Migrations() {
    }

    static void run(DataSource dataSource, ForumSchema schema) {
        try {
            OldHistoryTable.adopt(dataSource, schema);
            flyway(dataSource, schema).migrate();
        } catch (SQLException e) {
            throw Errors.translate(e);
        } catch (FlywayException e) {
            if (String.valueOf(e.getMessage()).contains("no schema history table")) {
                // Flyway's advice (baseline) would skip the forum's migrations: its tables would never be made
                throw new IllegalStateException("the database schema already holds other tables and no forumkit history ("
                        + schema.historyTable() + "): give the forum a schema of its own (ForumSchema.named(\"forum\"),"
                        + " setting jdbc.schema=forum)", e);
            }
            RuntimeException translated = Errors.translate(e);
            if (translated instanceof StorageUnavailableException) {
                throw translated;
            }
            throw new IllegalStateException("could not bring the forum schema up to date: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * How many migrations this build has that the database lacks (0 when the schema is up to date): a node whose
     * database was replaced, restored from an old backup or not migrated yet must not take traffic.
     */
    static int pending(Jdbi jdbi, ForumSchema schema) {
        try {
            return flyway(new JdbiDataSource(jdbi), schema).info().pending().length;
        } catch (FlywayException e) {
            throw Errors.translate(e);
        }
    }

    private static Flyway flyway(DataSource dataSource, ForumSchema schema) {
        // the vendor folder is named here: "{vendor}" in a location is Spring Boot's placeholder, not Flyway's
        var config = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendorOf(dataSource))
                .failOnMissingLocations(false)
                .table(schema.historyTable());
        if (schema.isNamed()) {
            config.schemas(schema.name()).defaultSchema(schema.name()).createSchemas(true);
        }
        return config.load();
    }

    private static String vendorOf(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return Dialect.of(c).vendor();
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    static void run(Jdbi jdbi, ForumSchema schema) {
        run(new JdbiDataSource(jdbi), schema);
    }

    /** Lets Flyway borrow connections from a Jdbi (which hides its DataSource): closing one closes its handle. */
    record JdbiDataSource(Jdbi jdbi) implements DataSource {
        @Override
        public Connection getConnection() {
            Handle h = jdbi.open();
            Connection raw = h.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            h.close();
                            return null;
                        }
                        try {
                            return method.invoke(raw, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
