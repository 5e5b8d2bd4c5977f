package dev.forumkit.search.lucene;

import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.search.SearchIndexer;
import dev.forumkit.core.search.SearchQuery;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.testkit.FixedClock;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search consumer commits the index and records its position only every {@link SearchIndexer#COMMIT_EVERY};
 * replies are searchable before that. A process killed in between leaves an index without them, and the consumer's
 * position before them, so the next start indexes them again.
 */
class LuceneCrashRecoveryTest {
    private static final int REPLIES = 30;
    @TempDir
    Path dir;
    private final ForumStorage storage = new InMemoryForumStorage();
    private final FixedClock clock = FixedClock.atDefaultStart();

    @Test
    void afterAKillTheNextStartIndexesAgainWhatTheLastCommitLackedAndEveryPostIsFoundOnce() throws Exception {
        Path live = dir.resolve("live");
        Path killed = dir.resolve("killed");
        LuceneSearchIndex index = LuceneSearchIndex.open(live);
        // the outbox's own thread delivers, as in the server
        Forum dying = ForumFixture.forum(storage, clock, c -> c.searchIndex(index).outboxPollInterval(Duration.ofMillis(10)));
        ForumFixture fx = ForumFixture.on(dying, storage);
        Member alice = fx.member("alice");
        StartedThread t = fx.thread().by(alice).titled("Crash course").body("the first post, word0").start();
        for (int i = 1; i <= REPLIES; i++) {
            fx.reply(alice, t.id(), "reply number word" + i);
        }
        long posts = REPLIES + 1;
        for (int i = 0; i < 3_000 && index.count() < posts; i++) {
            Thread.sleep(10); // until the consumer has written them (searchable before any commit)
        }
        assertThat(index.count()).as("searchable before the commit").isEqualTo(posts);

        // kill -9: the disk as it is now (the last commit and files no commit names yet). The dying forum stays as it
        // is (caught up, idle, its next record 30 s away) until the restarted one has taken over: closing it would
        // commit and record.
        copy(live, killed);
        try (LuceneSearchIndex reopened = LuceneSearchIndex.open(killed)) {
            assertThat(reopened.count()).as("the kill lost what was not committed (the next commit was 30 s away)")
                    .isLessThan(posts);
            Forum restarted = ForumFixture.forum(storage, clock, c -> c.searchIndex(reopened));
            try {
                clock.advance(Duration.ofSeconds(31)); // the dead node's lease runs out
                restarted.outbox().drain();
                assertThat(reopened.count()).as("every post, each once").isEqualTo(posts);
                for (int i = 0; i <= REPLIES; i++) {
                    assertThat(reopened.search(SearchQuery.words("word" + i), 0, 5).hits()).as("word" + i).hasSize(1);
                }
                assertThat(storage.eventLog().consumer(SearchIndexer.CONSUMER).orElseThrow().position())
                        .as("recorded after the commit").isEqualTo(storage.eventLog().head());
            } finally {
                restarted.close();
            }
        } finally {
            dying.close();
            index.close();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().equals("write.lock")) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
    }
}
