package dev.forumkit.persistence.jdbi;

import org.postgresql.copy.CopyManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The rows of one table an import has read since its last commit. Before they are written, the rows whose key the
 * table already holds are dropped: that is what makes an import idempotent by source id (a row is never written
 * twice, nor overwritten). Keys are one id or a pair whose first column leads the primary key, so finding the rows
 * already there is one range scan of the key's index per batch.
 */
final class ImportBatch<R> {
    private record Key(long a, long b) {
    }

    private final Connection c;
    private final Table<R> table;
    private final String first;
    private final String second;
    private final ToLongFunction<R> a;
    private final ToLongFunction<R> b;
    private final RowBatch<R> rows;
    private final List<R> pending = new ArrayList<>();
    private long written;
    private long skipped;

    /** {@code second} null: the key is the one column {@code first}. */
    ImportBatch(Connection c, CopyManager copy, Table<R> table, String first, ToLongFunction<R> a, String second, ToLongFunction<R> b) {
        this.c = c;
        this.table = table;
        this.first = first;
        this.second = second;
        this.a = a;
        this.b = second == null ? r -> 0 : b;
        this.rows = RowBatch.of(c, copy, table);
    }

    static <R> ImportBatch<R> byId(Connection c, CopyManager copy, Table<R> table, ToLongFunction<R> id) {
        return new ImportBatch<>(c, copy, table, "id", id, null, null);
    }

    void add(R row) {
        pending.add(row);
    }

    int pending() {
        return pending.size();
    }

    /** Rows written so far, and rows left out because the table had them already. */
    long written() {
        return written;
    }

    long skipped() {
        return skipped;
    }

    /** Writes the pending rows the table does not hold yet, in the caller's transaction. */
    void write() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (R r : pending) {
            min = Math.min(min, a.applyAsLong(r));
            max = Math.max(max, a.applyAsLong(r));
        }
        Set<Key> there = new HashSet<>();
        String sql = "SELECT " + first + (second == null ? "" : ", " + second) + " FROM " + table.name()
                + " WHERE " + first + " BETWEEN ? AND ?";
        try (var s = c.prepareStatement(sql)) {
            s.setLong(1, min);
            s.setLong(2, max);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    there.add(new Key(rs.getLong(1), second == null ? 0 : rs.getLong(2)));
                }
            }
        }
        for (R r : pending) {
            if (there.add(new Key(a.applyAsLong(r), b.applyAsLong(r)))) {
                rows.add(r);
                written++;
            } else {
                skipped++; // in the table already, or twice in the dump: the first one stays
            }
        }
        rows.write();
        pending.clear();
    }

    /** Forgets the rows not yet written (after a rollback). */
    void clear() throws SQLException {
        pending.clear();
        rows.clear();
    }

    void close() throws SQLException {
        rows.close();
    }
}
