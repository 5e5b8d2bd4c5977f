package dev.forumkit.core.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantTest {
    @Test
    void writes_what_instant_to_string_writes() {
        for (String s : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999Z", "2000-02-29T12:00:00.100Z", "2026-12-07T06:57:17.000001Z",
                "2026-12-07T06:57:17.123456789Z", "1900-03-01T00:00:00Z", "2100-02-28T23:59:59Z"}) {
            Instant at = Instant.parse(s);
            assertThat(IsoInstant.format(at)).isEqualTo(at.toString()).isEqualTo(s);
        }
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 1_000_000; i++) {
            long second = random.nextLong(-70_000_000_000L, 260_000_000_000L); // past both ends of years 0-9999
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant at = Instant.ofEpochSecond(second, nano);
            if (!IsoInstant.format(at).equals(at.toString())) {
                assertThat(IsoInstant.format(at)).isEqualTo(at.toString());
            }
        }
        assertThat(IsoInstant.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
        assertThat(IsoInstant.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
    }
}
