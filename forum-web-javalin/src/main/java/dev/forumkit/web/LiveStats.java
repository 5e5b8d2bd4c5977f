package dev.forumkit.web;

/**
 * A node's live-update streams at one moment, for metrics: streams open now, and since the start those refused
 * (full, busy or off), closed to shed load, and events sent.
 */
public record LiveStats(int open, long refused, long shed, long sent) {
    public LiveStats {
        if (open < 0 || refused < 0 || shed < 0 || sent < 0) {
            throw new IllegalArgumentException("live stream counts are never negative");
        }
    }
}
