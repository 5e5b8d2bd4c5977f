package dev.forumkit.persistence.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Whole rows as one JDBC batch of INSERTs, prepared once per load. */
final class InsertBatch<R> implements RowBatch<R> {
    private final Connection c;
    private final String sql;
    private final List<Column<R>> columns;
    private PreparedStatement statement;
    private int pending;

    InsertBatch(Connection c, Table<R> table) {
        this.c = c;
        this.sql = table.insert();
        this.columns = table.columns();
    }

    @Override
    public void add(R row) throws SQLException {
        if (statement == null) {
            statement = c.prepareStatement(sql);
        }
        for (int i = 0; i < columns.size(); i++) {
            Column<R> column = columns.get(i);
            set(statement, i + 1, column.value().apply(row), column.sqlType());
        }
        statement.addBatch();
        pending++;
    }

    @Override
    public int pending() {
        return pending;
    }

    @Override
    public void write() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void clear() throws SQLException {
        if (statement != null) {
            statement.clearBatch();
        }
        pending = 0;
    }

    @Override
    public void close() throws SQLException {
        if (statement != null) {
            statement.close();
        }
    }

    /** One parameter; instants as UTC offset times, like {@link Rows#ts}, so the JVM's zone cannot shift them. */
    static void set(PreparedStatement s, int i, Object v, int sqlType) throws SQLException {
        if (v == null) {
            s.setNull(i, sqlType);
        } else if (v instanceof Instant t) {
            s.setObject(i, t.atOffset(ZoneOffset.UTC));
        } else if (v instanceof Long l) {
            s.setLong(i, l);
        } else if (v instanceof Integer n) {
            s.setInt(i, n);
        } else if (v instanceof Boolean b) {
            s.setBoolean(i, b);
        } else if (v instanceof String str) {
            s.setString(i, str);
        } else {
            throw new IllegalArgumentException("unexpected value type " + v.getClass());
        }
    }
}
