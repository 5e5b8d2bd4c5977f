package dev.forumkit.testkit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixedClockTest {
    private final FixedClock clock = FixedClock.at(Instant.parse("2026-03-01T12:00:00Z"));

    @Test
    void standsStillUntilMoved() {
        assertThat(clock.instant()).isEqualTo(clock.instant()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z").toEpochMilli());
    }

    @Test
    void advancesForwardOnly() {
        assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(Instant.parse("2026-03-01T12:05:00Z"));
        assertThat(clock.advanceSeconds(1)).isEqualTo(Instant.parse("2026-03-01T12:05:01Z"));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setMovesEitherWay() {
        clock.set(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void aZonedCopySharesTheTime() {
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advanceSeconds(60);
        assertThat(paris.instant()).isEqualTo(clock.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
    }

    @Test
    void theDefaultStartKeepsMicroseconds() {
        assertThat(FixedClock.atDefaultStart().instant().getNano() % 1_000_000).isNotZero();
    }
}
