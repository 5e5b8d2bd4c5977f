package dev.forumkit.web.internal;

import dev.forumkit.core.limit.RateLimitService;
import dev.forumkit.web.RateLimit;

/**
 * One rate limit over many keys: a fixed window of {@code permits} attempts per key that starts with the key's first
 * attempt (so a few quick sign-in retries are allowed). The windows live in the forum's storage
 * ({@code forum.rateLimits()}), so every node of one forum enforces one budget: the limit is the same with one node
 * or three.
 */
public final class Throttle {
    private final String name;
    private final RateLimit limit;
    private final RateLimitService limits;

    public Throttle(String name, RateLimit limit, RateLimitService limits) {
        this.name = name;
        this.limit = limit;
        this.limits = limits;
    }

    /** Takes one attempt for the key, or throws a 429 problem telling when the window ends. */
    public void acquire(String key) {
        if (limit.permits() == Integer.MAX_VALUE) {
            return;
        }
        RateLimitService.Attempt a = limits.attempt(name, key, limit.permits(), limit.window());
        if (!a.allowed()) {
            long millis = a.retryAfter().toMillis();
            throw HttpProblem.rateLimited(Math.max(1, (millis + 999) / 1000));
        }
    }

    /** Forgets the key's attempts (after a successful sign-in, for the account limit). */
    public void reset(String key) {
        if (limit.permits() != Integer.MAX_VALUE) {
            limits.forget(name, key);
        }
    }
}
