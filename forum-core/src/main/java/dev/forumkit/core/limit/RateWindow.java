package dev.forumkit.core.limit;

import java.time.Instant;
import java.util.Objects;

/** A key's current window: attempts counted in it (this one included) and when it ends. */
public record RateWindow(int used, Instant endsAt) {
    public RateWindow {
        Objects.requireNonNull(endsAt, "endsAt");
        if (used < 1) {
            throw new IllegalArgumentException("a window holds at least the attempt that was just counted");
        }
    }
}
