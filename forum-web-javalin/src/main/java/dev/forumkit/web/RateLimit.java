package dev.forumkit.web;

import java.time.Duration;
import java.util.Objects;

/** At most {@code permits} attempts per {@code window} for one key (an IP address, an account, a member). */
public record RateLimit(int permits, Duration window) {
    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (permits < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least one permit and a positive window");
        }
    }

    public static RateLimit of(int permits, Duration window) {
        return new RateLimit(permits, window);
    }

    /** Effectively no limit; for tests and trusted deployments. */
    public static RateLimit unlimited() {
        return new RateLimit(Integer.MAX_VALUE, Duration.ofSeconds(1));
    }
}
