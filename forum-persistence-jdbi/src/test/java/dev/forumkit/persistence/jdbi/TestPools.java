package dev.forumkit.persistence.jdbi;

import com.zaxxer.hikari.HikariConfig;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Pools for tests that race many threads on a machine shared with other builds: room for every racing thread
 * and a patient connection time-out, so a slow moment is not mistaken for an unavailable database. (The
 * fail-fast defaults themselves are tested in StorageUnavailableTest.)
 */
final class TestPools {
    private TestPools() {
    }

    static Consumer<HikariConfig> patient(int connections) {
        return c -> {
            c.setMaximumPoolSize(connections);
            c.setMinimumIdle(2);
            c.setConnectionTimeout(30_000);
        };
    }

    static JdbiForumStorage h2(Path dir, int connections) {
        return JdbiForumStorage.owning(ConnectionPools.hikari(ConnectionPools.embeddedH2Url(dir), "sa", "", patient(connections)));
    }

    static JdbiForumStorage postgres(PostgresServer server, String url, int connections) {
        return JdbiForumStorage.owning(ConnectionPools.hikari(url, server.user(), server.password(), patient(connections)));
    }
}
