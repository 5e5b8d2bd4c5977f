package dev.forumkit.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs workers on their own platform threads, released together, and rethrows the first failure. */
final class Concurrently {
    /** Only a guard against a hung adapter; a healthy run needs a small fraction of it. */
    private static final long GIVE_UP_MINUTES = 10;

    interface Worker<T> {
        T run(int index) throws Exception;
    }

    private Concurrently() {
    }

    /** Runs {@code count} workers at once and returns their results by index. */
    static <T> List<T> run(int count, Worker<T> worker) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return worker.run(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(GIVE_UP_MINUTES, TimeUnit.MINUTES));
            }
            return results;
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("workers did not finish within " + GIVE_UP_MINUTES + " minutes: a deadlock?", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
