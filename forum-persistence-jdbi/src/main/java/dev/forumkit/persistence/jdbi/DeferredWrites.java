package dev.forumkit.persistence.jdbi;

import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A PostgreSQL transaction's writes whose only result is a row count (counter updates, last-post offers, read
 * marks), held back and sent together, as one multi-statement round trip, just before the transaction's next
 * statement or its commit. Why: the server and the database talk over a socket, and a reply's transaction holds its
 * thread's row lock across every round trip; six counter updates sent one by one are six round trips the next reply to
 * that thread waits through, sent together they are one. The order of the statements is kept (so row locks are taken
 * in the same order as before), and each row count is checked when it comes back, still inside the transaction, so a
 * missing row fails the transaction as it did before, only a statement later.
 */
final class DeferredWrites {
    private record Write(String sql, Object[] args, IntConsumer rows) {
    }

    private final List<Write> queue = new ArrayList<>();

    /** {@code sql} with {@code ?} placeholders, one per arg (null args are typed by the server from the context). */
    void add(String sql, Object[] args, IntConsumer rows) {
        queue.add(new Write(sql, args, rows));
    }

    /** Sends every held write in one round trip, then checks their row counts in order. */
    void flush(Handle h) {
        if (queue.isEmpty()) {
            return;
        }
        List<Write> writes = List.copyOf(queue);
        queue.clear(); // a check below may read (and so flush) again: it finds nothing left to send
        StringBuilder sql = new StringBuilder();
        for (Write w : writes) {
            sql.append(sql.isEmpty() ? "" : ";\n").append(w.sql);
        }
        int[] rows = new int[writes.size()];
        try (PreparedStatement ps = h.getConnection().prepareStatement(sql.toString())) {
            int i = 1;
            for (Write w : writes) {
                for (Object a : w.args) {
                    if (a == null) {
                        ps.setNull(i++, Types.NULL);
                    } else {
                        ps.setObject(i++, a);
                    }
                }
            }
            ps.execute();
            for (int k = 0; k < writes.size(); k++) {
                rows[k] = ps.getUpdateCount();
                ps.getMoreResults();
            }
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
        for (int k = 0; k < writes.size(); k++) {
            writes.get(k).rows.accept(rows[k]);
        }
    }
}
