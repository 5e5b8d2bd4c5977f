package dev.forumkit.persistence.jdbi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
            JdbiTransactions tx = storage.db();
            assertThat(tx.oneWriterAtATime()).isTrue();
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger concurrentWriters = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            Runnable write = () -> tx.inTransaction(() -> {
                mostAtOnce.accumulateAndGet(concurrentWriters.incrementAndGet(), Math::max);
                inside.countDown();
                await(release);
                concurrentWriters.decrementAndGet();
                return null;
            });
            CompletableFuture<Void> first = CompletableFuture.runAsync(write);
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> second = CompletableFuture.runAsync(write);
            // a reader is not held up by the writer holding the gate
            assertThat(CompletableFuture.supplyAsync(() -> tx.readOnly(() -> storage.members().count())).get(30, TimeUnit.SECONDS)).isZero();
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
            assertThat(mostAtOnce.get()).as("write transactions at once").isEqualTo(1);
        }
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
