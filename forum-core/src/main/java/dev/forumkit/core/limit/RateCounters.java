package dev.forumkit.core.limit;

import java.time.Duration;
import java.time.Instant;

/**
 * The rate counter port: one fixed window of attempts per key, shared by every node on the storage. Each call is one
 * atomic statement of its own, never part of the caller's transaction: an attempt counts even when the command it
 * guarded fails or rolls back.
 */
public interface RateCounters {
    /**
     * Counts one attempt for the key. A key without a window, or whose window ended by {@code now}, starts a new one of
     * length {@code window} at {@code now} with this attempt. Answers the window after counting.
     */
    RateWindow take(String key, Instant now, Duration window);

    /** Forgets the key's window (after a successful sign-in, for the per-account limit). */
    void forget(String key);

    /** Deletes the windows that ended by {@code now}; answers how many. */
    int removeEnded(Instant now);
}
