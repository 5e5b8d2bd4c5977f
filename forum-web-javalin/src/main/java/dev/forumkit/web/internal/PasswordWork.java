package dev.forumkit.web.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A small bounded pool for the work that hashes passwords (sign-in, registration, password change). Request
 * threads are given back while a hash runs; when the queue is full the caller gets 503 at once instead of waiting.
 */
public final class PasswordWork implements AutoCloseable {
    private final ThreadPoolExecutor pool;

    public PasswordWork(int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "forumkit-password-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs the work on the pool; a full queue fails the future with a RejectedExecutionException (503). */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, pool);
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
