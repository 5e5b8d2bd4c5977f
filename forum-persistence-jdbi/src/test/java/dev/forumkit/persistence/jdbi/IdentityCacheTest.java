package dev.forumkit.persistence.jdbi;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity caches of {@code posts} and {@code alerts} on H2 (h2/V31): with H2's default cache of 32, every 32nd
 * insert made H2 commit its system session, an extra write of every unsaved page to the file (task h2outbox in
 * docs/performance.md). Here: the cache is 1,000, a stream of inserts writes the file once per commit and no more, and
 * ids go on increasing after the file is closed and opened again (no value handed out twice).
 */
class IdentityCacheTest {
    private static final String ALERT = "INSERT INTO alerts (recipient_id, kind, actor_id, thread_id, created_at, source_position)"
            + " VALUES (1, 'probe', 2, 3, CURRENT_TIMESTAMP, ?)";

    @Test
    void postsAndAlertsCacheAThousandIds() {
        Path dir = TempDirs.create("forumkit-identity");
        try (JdbiForumStorage storage = TestPools.h2(dir, 2)) {
            List<Long> caches = storage.db().with(h -> h.createQuery("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_NAME IN ('POSTS', 'ALERTS') AND COLUMN_NAME = 'ID'").mapTo(Long.class).list());
            assertThat(caches).containsExactly(1000L, 1000L);
        } finally {
            TempDirs.delete(dir);
        }
    }

    @Test
    void aStreamOfInsertsWritesTheFileOncePerCommit() {
        Path dir = TempDirs.create("forumkit-identity");
        try (JdbiForumStorage storage = TestPools.h2(dir, 2)) {
            long stores = stores(storage), commits = storage.durableCommits();
            for (int i = 1; i <= 200; i++) {
                long position = i;
                storage.transactions().run(() -> storage.db().use(h -> h.execute(ALERT, position)));
            }
            long committed = storage.durableCommits() - commits;
            assertThat(committed).isEqualTo(200);
            // with H2's default cache of 32 this is 206 or more: one more store each time the cache ran out
            assertThat(stores(storage) - stores).as("the file's stores for 200 single-insert commits").isLessThanOrEqualTo(committed + 1);
        } finally {
            TempDirs.delete(dir);
        }
    }

    @Test
    void idsGoOnIncreasingAfterTheFileIsOpenedAgain() {
        Path dir = TempDirs.create("forumkit-identity");
        try {
            long last;
            try (JdbiForumStorage storage = TestPools.h2(dir, 2)) {
                for (int i = 1; i <= 40; i++) {
                    long position = i;
                    storage.transactions().run(() -> storage.db().use(h -> h.execute(ALERT, position)));
                }
                last = maxId(storage);
            }
            try (JdbiForumStorage storage = TestPools.h2(dir, 2)) {
                storage.transactions().run(() -> storage.db().use(h -> h.execute(ALERT, 41L)));
                assertThat(maxId(storage)).isGreaterThan(last);
                long distinct = storage.db().with(h -> h.createQuery("SELECT COUNT(DISTINCT id) FROM alerts").mapTo(Long.class).one());
                assertThat(distinct).isEqualTo(41L);
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static long maxId(JdbiForumStorage storage) {
        return storage.db().with(h -> h.createQuery("SELECT MAX(id) FROM alerts").mapTo(Long.class).one());
    }

    private static long stores(JdbiForumStorage storage) {
        return storage.db().with(h -> h.createQuery("SELECT CAST(SETTING_VALUE AS BIGINT) FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'info.CURRENT_VERSION'").mapTo(Long.class).one());
    }
}
