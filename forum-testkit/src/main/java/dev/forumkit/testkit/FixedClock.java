package dev.forumkit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it. Thread-safe, so concurrent tests may share it;
 * clocks made by {@link #withZone(ZoneId)} share the same time.
 */
public final class FixedClock extends Clock {
    /** A Monday morning with a microsecond part, so storage that drops precision is caught. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T09:00:00.123456Z");
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private FixedClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public static FixedClock at(Instant start) {
        return new FixedClock(new AtomicReference<>(Objects.requireNonNull(start)), ZoneOffset.UTC);
    }

    public static FixedClock atDefaultStart() {
        return at(DEFAULT_START);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new FixedClock(now, Objects.requireNonNull(newZone));
    }

    /** Moves the clock forward (a negative amount is refused: forum time never runs backwards). */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a fixed clock only moves forward: " + amount);
        }
        return now.updateAndGet(t -> t.plus(amount));
    }

    public Instant advanceSeconds(long seconds) {
        return advance(Duration.ofSeconds(seconds));
    }

    /** Sets the time, in either direction: for tests about expiry. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant));
    }

    @Override
    public String toString() {
        return "FixedClock[" + now.get() + "]";
    }
}
