package dev.forumkit.core.memory;

import dev.forumkit.core.limit.RateCounters;
import dev.forumkit.core.limit.RateWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Rate windows in this process's memory: for the in-memory storage, and for the embedded H2 database, which only
 * one process can open (so there is no other node to share with, and no reason to write the file per attempt).
 * Not transactional, on purpose: an attempt counts even if the command it guarded rolls back.
 */
public final class InMemoryRateCounters implements RateCounters {
    /** Beyond this many keys, ended windows are dropped at once rather than at the next clean-up. */
    private static final int SWEEP_ABOVE = 100_000;
    private final ConcurrentMap<String, RateWindow> windows = new ConcurrentHashMap<>();

    @Override
    public RateWindow take(String key, Instant now, Duration window) {
        if (windows.size() > SWEEP_ABOVE) {
            removeEnded(now);
        }
        return windows.compute(key, (k, w) -> w == null || !w.endsAt().isAfter(now)
                ? new RateWindow(1, now.plus(window))
                : new RateWindow(w.used() == Integer.MAX_VALUE ? w.used() : w.used() + 1, w.endsAt()));
    }

    @Override
    public void forget(String key) {
        windows.remove(key);
    }

    @Override
    public int removeEnded(Instant now) {
        int before = windows.size();
        windows.values().removeIf(w -> !w.endsAt().isAfter(now));
        return Math.max(0, before - windows.size());
    }
}
