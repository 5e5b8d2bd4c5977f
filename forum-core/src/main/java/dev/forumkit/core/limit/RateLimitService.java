package dev.forumkit.core.limit;

import dev.forumkit.core.storage.ForumStorage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts attempts against named limits ({@code sign-in-ip}, {@code posting-member}, ...) in the storage, so every node
 * of a forum enforces one budget. Keys are stored as SHA-256 hashes: the counters need no addresses or e-mail
 * addresses in clear. Ended windows are deleted now and then by the calls themselves (every ten minutes).
 */
public final class RateLimitService {
    private static final Logger LOG = Logger.getLogger(RateLimitService.class.getName());
    private static final long CLEANUP_EVERY_MILLIS = Duration.ofMinutes(10).toMillis();
    private final ForumStorage storage;
    private final Clock clock;
    private final AtomicLong lastCleanup = new AtomicLong();

    public RateLimitService(ForumStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** The answer to one attempt: allowed, or refused until the window ends. */
    public record Attempt(boolean allowed, Duration retryAfter) {
        public Attempt {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** Counts one attempt of {@code key} against the limit of {@code permits} per {@code window} called {@code limit}. */
    public Attempt attempt(String limit, String key, int permits, Duration window) {
        if (permits < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a limit allows at least one attempt in a positive window");
        }
        Instant now = clock.instant();
        RateWindow w = storage.rateCounters().take(hashed(limit, key), now, window);
        cleanUpNowAndThen(now);
        if (w.used() <= permits) {
            return new Attempt(true, Duration.ZERO);
        }
        Duration left = Duration.between(now, w.endsAt());
        return new Attempt(false, left.isNegative() ? Duration.ZERO : left);
    }

    /** Forgets the key's attempts against the limit. */
    public void forget(String limit, String key) {
        storage.rateCounters().forget(hashed(limit, key));
    }

    private void cleanUpNowAndThen(Instant now) {
        long last = lastCleanup.get();
        if (now.toEpochMilli() - last < CLEANUP_EVERY_MILLIS || !lastCleanup.compareAndSet(last, now.toEpochMilli())) {
            return;
        }
        try {
            storage.rateCounters().removeEnded(now);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not delete ended rate windows; will try again", e);
        }
    }

    static String hashed(String limit, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((limit + "\u0000" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
