package dev.forumkit.core.warning;

import java.time.Duration;
import java.util.Objects;

/** Reaching {@code points} active warning points bans the member for {@code ban}. */
public record WarningThreshold(int points, Duration ban) {
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
