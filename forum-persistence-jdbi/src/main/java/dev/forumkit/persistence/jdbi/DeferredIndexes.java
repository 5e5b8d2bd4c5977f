package dev.forumkit.persistence.jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The secondary indexes that a bulk load drops and builds again at the end: each insert in random key order
 * (a post's author, a reaction's receiver) costs a B-tree update that makes loading several times slower than
 * one sorted build afterwards. The definitions must equal those of the migrations (BulkLoaderTest checks).
 * Creating a storage runs {@link #ensure} too, so a load that died half-way leaves no index missing.
 */
final class DeferredIndexes {
    private static final List<String> NAMES = List.of("ix_posts_author", "ix_reactions_receiver");
    private static final List<String> DEFINITIONS = List.of(
            "CREATE INDEX IF NOT EXISTS ix_posts_author ON posts (author_id, created_at DESC, id DESC)",
            "CREATE INDEX IF NOT EXISTS ix_reactions_receiver ON reactions (receiver_id, created_at)");

    private DeferredIndexes() {
    }

    static void drop(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String name : NAMES) {
                s.execute("DROP INDEX IF EXISTS " + name);
            }
        }
    }

    static void ensure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : DEFINITIONS) {
                s.execute(ddl);
            }
        }
    }
}
