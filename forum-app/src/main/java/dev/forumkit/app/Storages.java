package dev.forumkit.app;

import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;

/**
 * The one place the app chooses its storage: the database at {@code jdbc.url} (PostgreSQL) when it is set,
 * otherwise the embedded H2 database under the data directory. Either way the schema is brought up to date first.
 */
final class Storages {
    private Storages() {
    }

    static ForumStorage open(Settings settings) {
        if (settings.jdbcUrl() != null) {
            return JdbiForumStorage.connect(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
        }
        return JdbiForumStorage.embeddedH2(settings.dataDir());
    }

    static String describe(Settings settings) {
        return settings.jdbcUrl() != null ? "database at " + settings.jdbcUrl().replaceAll("password=[^;&]*", "password=***")
                : "embedded H2 database in " + settings.dataDir();
    }
}
