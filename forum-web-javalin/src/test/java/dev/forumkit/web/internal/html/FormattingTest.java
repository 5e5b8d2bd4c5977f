package dev.forumkit.web.internal.html;

import dev.forumkit.core.policy.Standing;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written number and colour formatting gives what {@code String.format} gave before. */
class FormattingTest {
    private final Chrome chrome = new Chrome("", "/api/v1", null, Standing.GUEST, null, Instant.EPOCH, "t", List.of(), false, "/");

    @Test
    void numbersGetThousandsSeparatorsLikeFormat() {
        long[] edges = {0, 1, -1, 9, 10, 99, 100, 999, 1_000, -1_000, 9_999, 12_345, 123_456, 1_234_567, -1_234_567,
                Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (long n : edges) {
            assertThat(chrome.num(n)).isEqualTo(String.format(Locale.ENGLISH, "%,d", n));
        }
        Random r = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long n = r.nextLong() >> r.nextInt(64);
            assertThat(chrome.num(n)).isEqualTo(String.format(Locale.ENGLISH, "%,d", n));
        }
    }

    @Test
    void avatarColoursAreSixHexDigits() {
        for (String name : List.of("a", "Zed", "MuddyRider17313", "émile", "?")) {
            String svg = Avatars.svg(1, name, "s");
            assertThat(svg).containsPattern("fill=\"#[0-9a-f]{6}\"");
        }
    }
}
