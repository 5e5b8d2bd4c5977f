package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit on an H2 file database (WriteGate): writers that queue while one holds the gate share one durable
 * commit, each acknowledged only after it; a writer that fails is undone alone; a group that cannot be trusted is
 * rolled back whole and its members run again. Crash safety itself: H2CrashDurabilityIT and forum-app's CrashIT.
 */
class GroupCommitTest {
    private Path dir;
    private JdbiForumStorage storage;
    private ExecutorService pool;
    private final CountDownLatch inside = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() {
        dir = TempDirs.create("forumkit-group");
        storage = TestPools.h2(dir, 8);
        storage.db().use(h -> h.execute("CREATE TABLE group_probe(id INT PRIMARY KEY)"));
        pool = Executors.newFixedThreadPool(6);
    }

    @AfterEach
    void close() {
        release.countDown();
        pool.shutdownNow();
        storage.close();
        TempDirs.delete(dir);
    }

    @Test
    void writersQueuedBehindOneShareItsDurableCommitAndReturnOnlyAfterIt() throws Exception {
        long before = storage.db().gatedCommits();
        List<Long> commitsSeenAfterCommit = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Integer> first = holdTheGate(() -> { }, commitsSeenAfterCommit);
        List<CompletableFuture<Integer>> queued = insertRows2To4(commitsSeenAfterCommit);
        awaitQueued(3);
        assertThat(storage.db().gatedCommits()).isEqualTo(before);
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        for (CompletableFuture<Integer> q : queued) {
            q.get(30, TimeUnit.SECONDS);
        }
        assertThat(storage.db().gatedCommits()).as("durable commits for 4 writers").isEqualTo(before + 1);
        assertThat(commitsSeenAfterCommit).as("each writer's after-commit work saw the shared commit done")
                .hasSize(4).allMatch(n -> n == before + 1);
        assertThat(rows()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aWriterThatFailsIsUndoneAloneAndTheOthersKeepTheirChanges() throws Exception {
        long before = storage.db().gatedCommits();
        CompletableFuture<Integer> first = holdTheGate(() -> { }, null);
        CompletableFuture<Integer> failing = write(() -> {
            insert(2);
            throw new ConflictException("refused after its insert");
        }, null);
        awaitQueued(1);
        CompletableFuture<Integer> third = write(() -> {
            insert(3);
            return 3;
        }, null);
        awaitQueued(2);
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(third.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ConflictException.class);
        assertThat(rows()).containsExactly(1, 3);
        assertThat(storage.db().gatedCommits()).isEqualTo(before + 1);
    }

    @Test
    void aGroupThatCannotBeTrustedIsRolledBackWholeAndItsOtherMembersRunAgain() throws Exception {
        AtomicInteger firstAttempts = new AtomicInteger();
        CompletableFuture<Integer> first = holdTheGate(firstAttempts::incrementAndGet, null);
        CompletableFuture<Integer> broken = write(() -> {
            insert(2);
            throw new IllegalStateException("a bug: nobody knows what the transaction holds now");
        }, null);
        awaitQueued(1);
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> broken.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(firstAttempts).as("the innocent writer ran again in a group of its own").hasValue(2);
        assertThat(rows()).containsExactly(1);
    }

    @Test
    void withGroupCommitOffEachWriterCommitsOnItsOwn() throws Exception {
        storage.groupCommit(false);
        long before = storage.db().gatedCommits();
        CompletableFuture<Integer> first = holdTheGate(() -> { }, null);
        List<CompletableFuture<Integer>> queued = insertRows2To4(null);
        awaitQueued(3);
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        for (CompletableFuture<Integer> q : queued) {
            q.get(30, TimeUnit.SECONDS);
        }
        assertThat(storage.db().gatedCommits()).as("durable commits for 4 writers").isEqualTo(before + 4);
        assertThat(rows()).containsExactly(1, 2, 3, 4);
    }

    /**
     * Starts the first writer: it inserts row 1 and holds the write gate until {@code release}, so that the writers
     * started after it queue behind it. Returns once it is inside; {@code onEachAttempt} runs at each of its attempts.
     */
    private CompletableFuture<Integer> holdTheGate(Runnable onEachAttempt, List<Long> commitsSeenAfterCommit)
            throws InterruptedException {
        CompletableFuture<Integer> first = write(() -> {
            onEachAttempt.run();
            insert(1);
            inside.countDown();
            await(release);
            return 1;
        }, commitsSeenAfterCommit);
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private CompletableFuture<Integer> write(Supplier<Integer> work, List<Long> commitsSeenAfterCommit) {
        return CompletableFuture.supplyAsync(() -> storage.db().inTransaction(() -> {
            if (commitsSeenAfterCommit != null) {
                storage.db().afterCommit(() -> commitsSeenAfterCommit.add(storage.db().gatedCommits()));
            }
            return work.get();
        }), pool);
    }

    private void insert(int id) {
        storage.db().use(h -> h.execute("INSERT INTO group_probe(id) VALUES (?)", id));
    }

    private List<Integer> rows() {
        return storage.db().with(h -> h.createQuery("SELECT id FROM group_probe ORDER BY id").mapTo(Integer.class).list());
    }

    private void awaitQueued(int writers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (storage.db().queuedWriters() < writers) {
            assertThat(System.nanoTime()).as("%d writers queued at the gate", writers).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Three writers that each insert their row (2, 3, 4) and return its id, started behind the one holding the gate. */
    private List<CompletableFuture<Integer>> insertRows2To4(List<Long> commitsSeenAfterCommit) {
        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int id = 2; id <= 4; id++) {
            int row = id;
            queued.add(write(() -> {
                insert(row);
                return row;
            }, commitsSeenAfterCommit));
        }
        return queued;
    }
}
