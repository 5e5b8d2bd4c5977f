package dev.forumkit.app;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dump's own instant form read by hand, everything else as Instant.parse: the same instants and the same refusals. */
class DumpInstantsTest {
    @Test
    void reads_every_instant_as_instant_parse_does() {
        List<String> good = List.of("2026-01-01T12:00:00Z", "1970-01-01T00:00:00Z", "2023-01-02T01:00:00.5Z",
                "2026-12-06T18:41:32.123Z", "2026-12-07T00:55:12.200063184Z", "2024-02-29T23:59:59.000001Z",
                "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-06-30T23:59:60Z", "2026-01-01T24:00:00Z",
                "+12026-01-01T00:00:00Z", "2026-01-01T12:00:00.1234Z", "2026-01-01T12:00:00.Z");
        for (String s : good) {
            assertThat(DumpInstants.parse(s)).as(s).isEqualTo(Instant.parse(s));
        }
    }

    @Test
    void refuses_what_instant_parse_refuses() {
        for (String s : List.of("yesterday", "2026-02-30T12:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T25:00:00Z",
                "2026-01-01T12:00:00.1234567890Z", "2026-01-01 12:00:00Z", "2026-0a-01T12:00:00Z",
                "2026-01-01T12:00:00", "2026-01-01T12:00:0xZ", "")) {
            assertThatThrownBy(() -> Instant.parse(s)).as("the JDK refuses " + s).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> DumpInstants.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
        }
    }
}
