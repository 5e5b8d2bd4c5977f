package dev.forumkit.persistence.jdbi;

import org.postgresql.copy.CopyManager;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows of one table waiting to be written on the bulk loader's connection, in its transaction: JDBC batch inserts,
 * or on PostgreSQL a COPY, which loads rows several times faster.
 */
interface RowBatch<R> {
    /** Batch inserts, or COPY when {@code copy} is not null (PostgreSQL). */
    static <R> RowBatch<R> of(Connection c, CopyManager copy, Table<R> table) {
        return copy == null ? new InsertBatch<>(c, table) : new CopyBatch<>(copy, table);
    }

    void add(R row) throws SQLException;

    /** Rows added since the last {@link #write()}. */
    int pending();

    void write() throws SQLException;

    /** Forgets the rows not yet written. */
    void clear() throws SQLException;

    void close() throws SQLException;
}
