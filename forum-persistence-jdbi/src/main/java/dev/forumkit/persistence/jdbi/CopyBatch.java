package dev.forumkit.persistence.jdbi;

import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Whole rows as one PostgreSQL {@code COPY ... FROM STDIN} in text format. */
final class CopyBatch<R> implements RowBatch<R> {
    private final CopyManager copyManager;
    private final String copy;
    private final List<Column<R>> columns;
    private final StringBuilder rows = new StringBuilder();
    private int pending;

    CopyBatch(CopyManager copyManager, Table<R> table) {
        this.copyManager = copyManager;
        this.copy = table.copy();
        this.columns = table.columns();
    }

    @Override
    public void add(R row) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                rows.append('\t');
            }
            append(rows, columns.get(i).value().apply(row));
        }
        rows.append('\n');
        pending++;
    }

    @Override
    public int pending() {
        return pending;
    }

    @Override
    public void write() throws SQLException {
        if (pending == 0) {
            return;
        }
        try {
            copyManager.copyIn(copy, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
        rows.setLength(0);
        pending = 0;
    }

    @Override
    public void clear() {
        rows.setLength(0);
        pending = 0;
    }

    @Override
    public void close() {
        rows.setLength(0);
    }

    /** A value in COPY's text format: \N for null; backslash, tab, newline and return escaped. */
    static void append(StringBuilder out, Object v) {
        if (v == null) {
            out.append("\\N");
        } else if (v instanceof Instant t) {
            out.append(t); // ISO 8601 in UTC, e.g. 2026-01-01T00:00:00Z
        } else if (v instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (v instanceof String str) {
            for (int i = 0; i < str.length(); i++) {
                char ch = str.charAt(i);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        } else {
            out.append(v); // Long, Integer
        }
    }
}
