package dev.forumkit.web.internal.html;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-printed dates are the formatter's text, for every bundle's pattern, zone and year (task pagecpu). */
class DatePatternTest {
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Asia/Tokyo"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("Pacific/Kiritimati"),
            ZoneId.of("America/St_Johns"), ZoneOffset.ofHoursMinutes(-9, -30), ZoneId.of("Europe/London"));

    @Test
    void the_bundles_patterns_print_as_the_formatter_prints_them() {
        Random random = new Random(18);
        for (Texts texts : List.of(Texts.english(), Texts.of(Locale.JAPANESE))) {
            for (String key : List.of("format.date", "format.dateTime")) {
                String pattern = texts.t(key);
                assertThat(DatePattern.of(pattern, texts.locale())).as(pattern).isNotNull();
                for (ZoneId zone : ZONES) {
                    DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern, texts.locale()).withZone(zone);
                    for (int i = 0; i < 20_000; i++) {
                        // mostly the forum's years, some across the whole range (years past 9999 and before 1 too)
                        long second = i % 4 == 0 ? random.nextLong() % 400_000_000_000L : 1_000_000_000L + random.nextInt(1_500_000_000);
                        Instant at = Instant.ofEpochSecond(second);
                        assertThat(texts.format(key, at, zone)).as("%s %s %s", pattern, zone, at).isEqualTo(formatter.format(at));
                    }
                    for (Instant at : List.of(Instant.EPOCH, Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"),
                            Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-10-25T00:59:59Z"), Instant.parse("2024-02-29T12:00:00Z"),
                            Instant.parse("0000-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-01T00:00:00Z"))) {
                        assertThat(texts.format(key, at, zone)).as("%s %s %s", pattern, zone, at).isEqualTo(formatter.format(at));
                    }
                }
            }
        }
    }

    @Test
    void other_patterns_print_as_the_formatter_prints_them_or_are_left_to_it() {
        Instant at = Instant.parse("2026-12-07T05:04:03Z");
        for (String pattern : List.of("dd.MM.yyyy HH:mm", "d/M/yyyy H:m", "''yyyy'' 'at' H", "MMM d, yyyy")) {
            assertThat(DatePattern.of(pattern, Locale.ENGLISH).format(at, ZoneOffset.UTC)).as(pattern)
                    .isEqualTo(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withZone(ZoneOffset.UTC).format(at));
        }
        for (String pattern : List.of("EEE d MMM", "yy-MM-dd", "h:mm a", "yyyy-MM-dd[ HH:mm]", "'it''s' d", "MMMM d")) {
            assertThat(DatePattern.of(pattern, Locale.ENGLISH)).as(pattern).isNull();
        }
    }
}
