package dev.forumkit.persistence.jdbi.bench;

import dev.forumkit.persistence.jdbi.JdbiForumStorage;

import java.nio.file.Path;

/**
 * Opens (and so migrates) the H2 file under the given directory and prints Flyway's execution time of each migration
 * applied in the last 24 hours, then the alerts' count (task newsread: V32's index on a copy of the 1M-post set).
 * Writes to the file: run it on a copy.
 */
public final class MigrationTimes {
    private MigrationTimes() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        try (JdbiForumStorage storage = JdbiForumStorage.embeddedH2(Path.of(args[0]))) {
            System.out.printf("opened and migrated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            storage.jdbi().useHandle(h -> {
                h.createQuery("SELECT \"version\", \"description\", \"execution_time\" FROM \"forumkit_schema_history\""
                                + " WHERE \"installed_on\" > DATEADD('HOUR', -24, CURRENT_TIMESTAMP) ORDER BY \"installed_rank\"")
                        .map((rs, ctx) -> "V" + rs.getString(1) + " " + rs.getString(2) + ": " + rs.getLong(3) + " ms")
                        .forEach(System.out::println);
                System.out.println("alerts: " + h.createQuery("SELECT COUNT(*) FROM alerts").mapTo(Long.class).one()
                        + ", unread: " + h.createQuery("SELECT COUNT(*) FROM alerts WHERE is_read = FALSE").mapTo(Long.class).one());
            });
        }
    }
}
