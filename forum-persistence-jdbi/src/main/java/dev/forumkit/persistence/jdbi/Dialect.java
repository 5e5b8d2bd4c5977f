package dev.forumkit.persistence.jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** The few places where H2 and PostgreSQL need different SQL or connection handling. */
enum Dialect {
    H2 {
        @Override
        String returning(String insertOrUpdate, String column) {
            return "SELECT " + column + " FROM FINAL TABLE (" + insertOrUpdate + ")";
        }

        @Override
        void beginReadOnly(Connection c) throws SQLException {
            // H2 has no SET TRANSACTION; the level is a session setting, put back by endReadOnly
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }

        @Override
        void endReadOnly(Connection c) throws SQLException {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
    },
    POSTGRES {
        @Override
        String returning(String insertOrUpdate, String column) {
            return insertOrUpdate + " RETURNING " + column;
        }

        @Override
        void beginReadOnly(Connection c) throws SQLException {
            // scoped to this transaction: nothing to reset when the connection goes back to the pool
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
        }

        @Override
        void endReadOnly(Connection c) {
        }
    };

    /** The statement, changed to answer the given column of the rows it inserted or updated. */
    abstract String returning(String insertOrUpdate, String column);

    /** Makes the transaction just begun a consistent snapshot (every read sees the same committed state). */
    abstract void beginReadOnly(Connection c) throws SQLException;

    abstract void endReadOnly(Connection c) throws SQLException;

    static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException("forumkit supports H2 and PostgreSQL, not " + product);
    }

    /** Flyway's name for the vendor folder. */
    String vendor() {
        return this == H2 ? "h2" : "postgresql";
    }
}
