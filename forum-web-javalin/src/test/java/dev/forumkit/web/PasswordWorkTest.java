package dev.forumkit.web;

import dev.forumkit.web.internal.PasswordWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password pool's bounds, on a hand-moved clock: a full queue refuses at once, a stale wait is dropped. */
class PasswordWorkTest {
    private final AtomicLong clock = new AtomicLong();

    @Test
    void a_full_queue_refuses_at_once_and_work_that_waited_too_long_is_dropped_unhashed() throws Exception {
        try (PasswordWork work = new PasswordWork(1, 1, Duration.ofSeconds(3), clock::get)) {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> first = work.submit(() -> {
                running.countDown();
                await(release);
                return "first";
            });
            running.await();
            CompletableFuture<String> queued = work.submit(() -> "hashed late");
            assertThatThrownBy(() -> work.submit(() -> "no room")).isInstanceOf(RejectedExecutionException.class);

            clock.addAndGet(Duration.ofSeconds(4).toNanos()); // the queued one has now waited longer than 3 s
            release.countDown();
            assertThat(first.get()).isEqualTo("first");
            assertThatThrownBy(queued::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(RejectedExecutionException.class);
            assertThat(work.submit(() -> "fresh").get()).as("a fresh request is hashed").isEqualTo("fresh");
        }
    }

    @Test
    void work_within_the_queue_timeout_is_done() throws Exception {
        try (PasswordWork work = new PasswordWork(1, 4, Duration.ofSeconds(3), clock::get)) {
            CompletableFuture<String> f = work.submit(() -> {
                clock.addAndGet(Duration.ofSeconds(2).toNanos()); // slow work does not fail itself
                return "done";
            });
            assertThat(f.get()).isEqualTo("done");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
