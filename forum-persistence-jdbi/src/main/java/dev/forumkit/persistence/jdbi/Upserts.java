package dev.forumkit.persistence.jdbi;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Insert-or-replace of one row by its key, in each database's own atomic statement (PostgreSQL's ON CONFLICT, H2's
 * MERGE ... KEY), so two writers of one key never clash. Parameters are named like the columns.
 */
final class Upserts {
    private Upserts() {
    }

    static String sql(Dialect dialect, String table, List<String> keys, List<String> values) {
        List<String> all = new java.util.ArrayList<>(keys);
        all.addAll(values);
        String columns = String.join(", ", all);
        String params = all.stream().map(c -> ":" + c).collect(Collectors.joining(", "));
        return switch (dialect) {
            case POSTGRES -> "INSERT INTO " + table + " (" + columns + ") VALUES (" + params + ") ON CONFLICT ("
                    + String.join(", ", keys) + ") DO " + (values.isEmpty() ? "NOTHING"
                    : "UPDATE SET " + values.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", ")));
            case H2 -> "MERGE INTO " + table + " (" + columns + ") KEY (" + String.join(", ", keys) + ") VALUES (" + params + ")";
        };
    }
}
