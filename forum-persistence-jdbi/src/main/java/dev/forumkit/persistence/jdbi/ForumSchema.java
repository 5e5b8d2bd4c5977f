package dev.forumkit.persistence.jdbi;

import java.util.regex.Pattern;

/**
 * Where the forum's tables live in a database, so that it can share a host's database: the schema its tables are in
 * and the Flyway history table that records its migrations there.
 *
 * <p>{@link #DEFAULT} keeps the tables in the connection's current schema (as forumkit always did) with the history
 * in {@value #HISTORY_TABLE}. {@link #named(String)} puts them in a schema of their own, created when missing, beside
 * a host's tables and the host's own {@code flyway_schema_history}. A schema is the supported way to keep the names
 * apart; a table-name prefix is not offered, because Flyway checksums each migration's text and putting a prefix
 * placeholder into the released migrations would fail validation on every existing database.
 *
 * @param name         the schema's name (lower case letters, digits and {@code _}, as PostgreSQL folds unquoted
 *                     names), or null for the connection's current schema
 * @param historyTable the Flyway history table of the forum's migrations, in that schema
 */
public record ForumSchema(String name, String historyTable) {
    // before DEFAULT, which the constructor checks with it
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** The forum's history table unless told otherwise (not Flyway's default, which a host's own migrations use). */
    public static final String HISTORY_TABLE = "forumkit_schema_history";
    /** The connection's current schema, history in {@value #HISTORY_TABLE}. */
    public static final ForumSchema DEFAULT = new ForumSchema(null, HISTORY_TABLE);

    public ForumSchema {
        if (name != null && !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a schema name must be 1 to 63 lower case letters, digits or _ and not start"
                    + " with a digit, not '" + name + "'");
        }
        if (historyTable == null || !NAME.matcher(historyTable).matches()) {
            throw new IllegalArgumentException("a history table name must be 1 to 63 lower case letters, digits or _ and"
                    + " not start with a digit, not '" + historyTable + "'");
        }
    }

    /** The forum in the schema {@code name} (created if missing), history in {@value #HISTORY_TABLE}. */
    public static ForumSchema named(String name) {
        if (name == null) {
            throw new IllegalArgumentException("a schema name is required; use ForumSchema.DEFAULT for the current schema");
        }
        return new ForumSchema(name, HISTORY_TABLE);
    }

    /** The same schema with the forum's migrations recorded in {@code table}. */
    public ForumSchema withHistoryTable(String table) {
        return new ForumSchema(name, table);
    }

    /** Whether the forum has a schema of its own (else it uses the connection's current one). */
    public boolean isNamed() {
        return name != null;
    }
}
