package dev.forumkit.persistence.jdbi;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JdbiForumStorage#durableCommits()}, which bench/run.sh reads (THREADS=1, through /bench/commits) to report
 * durable commits per request: one per write transaction committed alone on an H2 file, none for reads, and 0 where
 * there is no write gate.
 */
class DurableCommitsTest {
    @Test
    void countsTheWriteGatesCommitsOnAnH2File() {
        Path dir = TempDirs.create("forumkit-commits");
        try (JdbiForumStorage storage = TestPools.h2(dir, 2)) {
            storage.db().use(h -> h.execute("CREATE TABLE commit_probe(id INT PRIMARY KEY)"));
            long before = storage.durableCommits();
            storage.transactions().run(() -> storage.db().use(h -> h.execute("INSERT INTO commit_probe VALUES (1)")));
            storage.transactions().run(() -> storage.db().use(h -> h.execute("INSERT INTO commit_probe VALUES (2)")));
            storage.transactions().readOnly(() -> storage.db().with(h -> h.createQuery("SELECT COUNT(*) FROM commit_probe")
                    .mapTo(Integer.class).one()));
            assertThat(storage.durableCommits()).as("two writes committed one after the other, one read")
                    .isEqualTo(before + 2).isEqualTo(storage.db().gatedCommits());
        } finally {
            TempDirs.delete(dir);
        }
    }

    @Test
    void isZeroWithoutAWriteGate() {
        try (JdbiForumStorage storage = JdbiForumStorage.connect("jdbc:h2:mem:forumkit-commits-" + java.util.UUID.randomUUID(), "sa", "")) {
            storage.transactions().run(() -> storage.members().byId(dev.forumkit.core.member.MemberId.of(1)));
            assertThat(storage.durableCommits()).isZero();
        }
    }
}
