package dev.forumkit.persistence.jdbi;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Databases made before the forum had a history table of its own keep their migrations in Flyway's default
 * {@value #OLD} table. When that table is the forum's (its version 1 is the forum's first migration) and the forum's
 * own table does not exist yet, it is renamed, with its constraints and indexes: Flyway then finds the history it
 * wrote, validates the checksums and applies only what is new. A host's own {@value #OLD} is never touched.
 */
final class OldHistoryTable {
    static final String OLD = "flyway_schema_history";
    private static final String FORUM_FIRST_SCRIPT = "V1__forum_schema.sql";

    private OldHistoryTable() {
    }

    /** Renames the forum's old history table in the forum's schema to {@code schema.historyTable()} if it is there. */
    static void adopt(DataSource dataSource, ForumSchema schema) throws SQLException {
        if (schema.historyTable().equals(OLD)) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            String in = schema.isNamed() ? schema.name() : c.getSchema();
            if (in == null || !exists(c, in, OLD) || exists(c, in, schema.historyTable()) || !forumsHistory(c, in)) {
                return;
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL renames in one transaction; H2 commits each DDL, and each is harmless alone
            try (Statement s = c.createStatement()) {
                for (String constraint : constraints(c, in)) {
                    s.execute("ALTER TABLE " + q(in) + "." + q(OLD) + " RENAME CONSTRAINT " + q(constraint) + " TO "
                            + q(renamed(constraint, schema)));
                }
                for (String index : indexes(c, in)) {
                    s.execute("ALTER INDEX " + q(in) + "." + q(index) + " RENAME TO " + q(renamed(index, schema)));
                }
                s.execute("ALTER TABLE " + q(in) + "." + q(OLD) + " RENAME TO " + q(schema.historyTable()));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static String renamed(String name, ForumSchema schema) {
        return schema.historyTable() + name.substring(OLD.length());
    }

    private static boolean exists(Connection c, String schema, String table) throws SQLException {
        try (ResultSet r = c.getMetaData().getTables(null, schema, table, null)) {
            return r.next();
        }
    }

    private static boolean forumsHistory(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT " + q("script") + " FROM " + q(schema) + "." + q(OLD) + " WHERE "
                     + q("version") + " = '1'")) {
            return r.next() && FORUM_FIRST_SCRIPT.equals(r.getString(1));
        }
    }

    /** Named constraints of the old table that Flyway named after it (names are unique per schema). */
    private static List<String> constraints(Connection c, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var p = c.prepareStatement("SELECT constraint_name FROM information_schema.table_constraints"
                + " WHERE table_schema = ? AND table_name = ?")) {
            p.setString(1, schema);
            p.setString(2, OLD);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (r.getString(1).startsWith(OLD)) {
                        names.add(r.getString(1));
                    }
                }
            }
        }
        return names;
    }

    /** Indexes named after the old table that are not a constraint's (PostgreSQL renamed those with the constraint). */
    private static List<String> indexes(Connection c, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        List<String> constraints = constraints(c, schema);
        try (ResultSet r = meta.getIndexInfo(null, schema, OLD, false, false)) {
            while (r.next()) {
                String name = r.getString("INDEX_NAME");
                if (name != null && name.startsWith(OLD) && !names.contains(name) && !constraints.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static String q(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
