package dev.forumkit.persistence.jdbi;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A HikariCP pool that is swapped for a fresh one when it cannot hand out a connection although the database answers
 * again. HikariCP retries a lost database with a back-off that grows to 5 s and cannot be tuned; a fresh pool
 * connects at once, so the forum is back within about a second of its database instead of up to five or more.
 * Requests still waiting in the old pool are released when it closes and try the new one.
 */
final class ReconnectingDataSource implements DataSource, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ReconnectingDataSource.class.getName());
    private static final long PROBE_EVERY_MILLIS = 200;
    private final Supplier<HikariDataSource> pools;
    private final String url;
    private final Properties probeProperties = new Properties();
    private final AtomicBoolean watching = new AtomicBoolean();
    private volatile HikariDataSource pool;
    private volatile boolean closed;

    ReconnectingDataSource(Supplier<HikariDataSource> pools, String url, String user, String password) {
        this.pools = pools;
        this.url = url;
        this.pool = pools.get();
        if (user != null) {
            probeProperties.setProperty("user", user);
        }
        if (password != null) {
            probeProperties.setProperty("password", password);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            String seconds = String.valueOf(ConnectionPools.CONNECTION_TIMEOUT.toSeconds());
            probeProperties.setProperty("connectTimeout", seconds);
            probeProperties.setProperty("loginTimeout", seconds);
            probeProperties.setProperty("socketTimeout", seconds);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        HikariDataSource p = pool;
        try {
            return p.getConnection();
        } catch (SQLException e) {
            if (closed) {
                throw e;
            }
            if (p != pool) {
                return pool.getConnection(); // the pool was swapped while this request waited in the old one
            }
            watch(p);
            throw e;
        }
    }

    /**
     * Starts (once) a thread that asks the database directly every 200 ms and, as soon as it answers while the pool
     * still has no connection at all, swaps in a fresh pool. A pool that is merely busy (all connections lent out)
     * is left alone: closing it would abort the work in flight.
     */
    private void watch(HikariDataSource p) {
        if (!watching.compareAndSet(false, true)) {
            return;
        }
        Thread watcher = new Thread(() -> {
            try {
                while (!closed && pool == p) {
                    Thread.sleep(PROBE_EVERY_MILLIS);
                    if (p.getHikariPoolMXBean() == null || p.getHikariPoolMXBean().getTotalConnections() > 0) {
                        return; // the pool has (or is getting) connections again by itself
                    }
                    if (databaseAnswers()) {
                        replace(p);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                watching.set(false);
            }
        }, "forumkit-pool-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private boolean databaseAnswers() {
        try (Connection c = DriverManager.getConnection(url, probeProperties)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private synchronized void replace(HikariDataSource stuck) {
        if (pool != stuck || closed) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "the database answers again but the pool has no connection: starting a fresh pool");
        pool = pools.get();
        stuck.close(); // it has no connection; requests waiting in it fail at once and retry on the new pool
    }

    @Override
    public synchronized void close() {
        closed = true;
        pool.close();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool connects with the user it was configured with");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
