package dev.forumkit.persistence.jdbi;

import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one connection of a bulk load and the settings it changes for the load: on PostgreSQL an asynchronous commit
 * and more memory for index builds (this session only), on H2 a larger page cache (persistent in H2, so put back),
 * the deferred indexes dropped, and while parents are held back the posts' foreign key switched off. {@link #close}
 * puts back what the load changed.
 */
final class BulkSession {
    private final Handle handle;
    private final Connection c;
    private final boolean h2;
    /** PostgreSQL's COPY; null on H2. */
    private final CopyManager copyManager;
    /** H2's page cache size before the load, in MB (-1: not H2 or unknown). */
    private final long h2CacheMbBefore;

    BulkSession(JdbiForumStorage storage, BulkTuning tuning) throws SQLException {
        handle = storage.jdbi().open();
        try {
            c = handle.getConnection();
            c.setAutoCommit(false);
            h2 = c.getMetaData().getDatabaseProductName().startsWith("H2");
            copyManager = c.isWrapperFor(PGConnection.class) ? c.unwrap(PGConnection.class).getCopyAPI() : null;
            if (copyManager != null) {
                // this session only: a crash loses the last commits of the load, which is then redone anyway
                execute("SET synchronous_commit = off");
                execute("SET maintenance_work_mem = '256MB'"); // the deferred index builds
            }
            h2CacheMbBefore = h2 ? h2Setting("info.CACHE_MAX_SIZE") : -1;
            if (h2CacheMbBefore > 0 && tuning.h2CacheMb() > h2CacheMbBefore) {
                execute("SET CACHE_SIZE " + tuning.h2CacheMb() * 1024); // KB
            }
            if (tuning.deferIndexes()) {
                DeferredIndexes.drop(c);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    Connection connection() {
        return c;
    }

    Handle handle() {
        return handle;
    }

    boolean h2() {
        return h2;
    }

    /** PostgreSQL's COPY, null on H2. */
    CopyManager copyManager() {
        return copyManager;
    }

    long maxId(String table) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Moves a table's id sequence past the ids the load handed out. */
    void restartIds(String table, long maxId) throws SQLException {
        execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (maxId + 1));
    }

    /** H2 only: the posts' foreign key to threads, off while the threads wait (H2 does not keep this across a restart). */
    void postsForeignKey(boolean on) throws SQLException {
        execute(on ? "ALTER TABLE posts SET REFERENTIAL_INTEGRITY TRUE NOCHECK" : "ALTER TABLE posts SET REFERENTIAL_INTEGRITY FALSE");
    }

    void buildDeferredIndexes() throws SQLException {
        DeferredIndexes.ensure(c);
    }

    /** PostgreSQL: statistics for the first requests' plans. */
    void analyze() throws SQLException {
        if (copyManager != null) {
            execute("ANALYZE members, boards, threads, posts, reactions");
        }
    }

    void commit() throws SQLException {
        c.commit();
    }

    void rollback() throws SQLException {
        c.rollback();
    }

    /** Puts the settings back and returns the connection; failures are left to the pool, which checks it. */
    void close() {
        try {
            if (h2CacheMbBefore > 0) {
                execute("SET CACHE_SIZE " + h2CacheMbBefore * 1024);
                c.commit();
            }
            if (copyManager != null) {
                execute("RESET synchronous_commit");
                execute("RESET maintenance_work_mem");
                c.commit();
            }
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection goes back to the pool, which checks it
        } finally {
            handle.close();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A numeric row of H2's INFORMATION_SCHEMA.SETTINGS, -1 if absent. */
    private long h2Setting(String name) throws SQLException {
        try (var s = c.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            s.setString(1, name);
            try (var rs = s.executeQuery()) {
                return rs.next() ? Long.parseLong(rs.getString(1).trim()) : -1;
            }
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
