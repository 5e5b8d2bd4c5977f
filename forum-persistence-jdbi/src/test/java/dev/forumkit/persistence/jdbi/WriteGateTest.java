package dev.forumkit.persistence.jdbi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** On an H2 file database write transactions take turns (see JdbiTransactions); reads and other databases do not wait. */
class WriteGateTest {
    private Path dir;

    @AfterEach
    void clean() {
        TempDirs.delete(dir);
    }

    @Test
    void writersOnAnH2FileTakeTurnsWhileReadersGoOn() throws Exception {
        dir = TempDirs.create("forumkit-gate");
        try (JdbiForumStorage storage = TestPools.h2(dir, 4)) {
            assertThat(storage.db().oneWriterAtATime()).isTrue();
            assertThat(mostWritersAtOnce(storage, storage)).isEqualTo(1);
        }
    }

    @Test
    void twoStoragesOnOneFileShareTheGate() throws Exception {
        dir = TempDirs.create("forumkit-gate");
        try (JdbiForumStorage one = TestPools.h2(dir, 3); JdbiForumStorage two = TestPools.h2(dir, 3)) {
            assertThat(mostWritersAtOnce(one, two)).isEqualTo(1);
        }
    }

    /** One write transaction on {@code first} holds on; one on {@code second} starts meanwhile; a reader goes on. */
    private static int mostWritersAtOnce(JdbiForumStorage first, JdbiForumStorage second) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger concurrentWriters = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        java.util.function.Function<JdbiForumStorage, Runnable> write = storage -> () -> storage.db().inTransaction(() -> {
            mostAtOnce.accumulateAndGet(concurrentWriters.incrementAndGet(), Math::max);
            inside.countDown();
            await(release);
            concurrentWriters.decrementAndGet();
            return null;
        });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            return mostWritersAtOnce(first, second, write, inside, release, mostAtOnce, pool);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static int mostWritersAtOnce(JdbiForumStorage first, JdbiForumStorage second,
                                         java.util.function.Function<JdbiForumStorage, Runnable> write, CountDownLatch inside,
                                         CountDownLatch release, AtomicInteger mostAtOnce, ExecutorService pool) throws Exception {
        CompletableFuture<Void> a = CompletableFuture.runAsync(write.apply(first), pool);
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> b = CompletableFuture.runAsync(write.apply(second), pool);
        // a reader is not held up by the writer holding the gate
        assertThat(CompletableFuture.supplyAsync(() -> second.db().readOnly(() -> second.members().count()), pool)
                .get(30, TimeUnit.SECONDS)).isZero();
        Thread.sleep(100); // give the second writer a chance to get in, were there no gate
        release.countDown();
        a.get(30, TimeUnit.SECONDS);
        b.get(30, TimeUnit.SECONDS);
        return mostAtOnce.get();
    }

    @Test
    void anInMemoryH2HasNoGate() {
        try (JdbiForumStorage storage = JdbiForumStorage.owning(ConnectionPools.hikari(
                "jdbc:h2:mem:gate" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", TestPools.patient(2)))) {
            assertThat(storage.db().oneWriterAtATime()).isFalse();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
