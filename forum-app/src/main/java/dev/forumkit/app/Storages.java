package dev.forumkit.app;

import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.storage.ForumStorage;

/**
 * The one place the app chooses its storage: PostgreSQL (or any JDBC URL) when {@code jdbc.url} is set,
 * otherwise the embedded H2 database under the data directory.
 */
final class Storages {
    private Storages() {
    }

    static ForumStorage open(Settings settings) {
        // JdbiForumStorage (branch jdbi) is not merged yet: until then the app keeps the forum in memory
        return new InMemoryForumStorage();
    }

    static String describe(Settings settings) {
        return "in memory (nothing is kept across restarts)";
    }
}
