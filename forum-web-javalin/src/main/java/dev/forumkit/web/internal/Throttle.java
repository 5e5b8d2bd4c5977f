package dev.forumkit.web.internal;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.forumkit.web.RateLimit;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One rate limit over many keys: a fixed window of {@code permits} attempts per key, kept in a Guava cache that
 * drops a key's bucket when its window ends. Guava's {@code RateLimiter} has no public burst size, and sign-in
 * needs a few quick retries to be allowed, so the buckets are windows instead. Limits are per node.
 */
public final class Throttle {
    private final String name;
    private final RateLimit limit;
    private final Ticker ticker;
    private final Cache<String, Window> buckets;

    private static final class Window {
        final long startNanos;
        final AtomicInteger used = new AtomicInteger();

        Window(long startNanos) {
            this.startNanos = startNanos;
        }
    }

    public Throttle(String name, RateLimit limit, Ticker ticker) {
        this.name = name;
        this.limit = limit;
        this.ticker = ticker;
        this.buckets = CacheBuilder.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(limit.window())
                .maximumSize(100_000)
                .build();
    }

    /** Takes one attempt for the key, or throws a 429 problem telling when the window ends. */
    public void acquire(String key) {
        if (limit.permits() == Integer.MAX_VALUE) {
            return;
        }
        Window w;
        try {
            w = buckets.get(name + ":" + key, () -> new Window(ticker.read()));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        if (w.used.incrementAndGet() > limit.permits()) {
            long left = limit.window().toNanos() - (ticker.read() - w.startNanos);
            throw HttpProblem.rateLimited(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left + 999_999_999)));
        }
    }

    /** Forgets the key's attempts (after a successful sign-in, for the account limit). */
    public void reset(String key) {
        buckets.invalidate(name + ":" + key);
    }
}
