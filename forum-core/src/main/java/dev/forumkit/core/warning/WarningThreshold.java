package dev.forumkit.core.warning;

import java.time.Duration;
import java.util.Objects;

/** Reaching {@code points} active warning points bans the member for {@code ban}. */
public record WarningThreshold(int points, Duration ban) {
    /** 10 points: 7 days; 20 points: 30 days. */
    public static final java.util.List<WarningThreshold> DEFAULTS = java.util.List.of(
            new WarningThreshold(10, Duration.ofDays(7)), new WarningThreshold(20, Duration.ofDays(30)));

    public WarningThreshold {
        Objects.requireNonNull(ban, "ban");
        if (points < 1) {
            throw new IllegalArgumentException("a threshold needs at least 1 point: " + points);
        }
        if (ban.isNegative() || ban.isZero()) {
            throw new IllegalArgumentException("a threshold's ban must last: " + ban);
        }
    }
}
