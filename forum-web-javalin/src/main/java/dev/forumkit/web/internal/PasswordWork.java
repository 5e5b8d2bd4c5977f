package dev.forumkit.web.internal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A small bounded pool for the work that hashes passwords (sign-in, registration, password change). Request
 * threads are given back while a hash runs; when the queue is full the caller gets 503 at once instead of waiting,
 * and work that waited in the queue longer than the queue timeout is dropped with 503 instead of being hashed late.
 */
public final class PasswordWork implements AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;

    /** The pool; {@code nanoTime} is the clock the queue timeout is measured with ({@code System::nanoTime}). */
    public PasswordWork(int threads, int queue, Duration maxWait, LongSupplier nanoTime) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "forumkit-password-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Runs the work on the pool; a full queue, or a wait in it longer than the queue timeout, fails the future with
     * a RejectedExecutionException (503).
     */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        long queued = nanoTime.getAsLong();
        return CompletableFuture.supplyAsync(() -> {
            if (nanoTime.getAsLong() - queued > maxWaitNanos) {
                throw new RejectedExecutionException("waited too long for a password hashing thread");
            }
            return work.get();
        }, pool);
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
