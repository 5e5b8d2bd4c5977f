package dev.forumkit.web.internal.html;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Standing;
import dev.forumkit.core.profile.DateStyle;
import dev.forumkit.core.profile.Profile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in member's dates in their own style and zone are what the formatter and the time-of-day expression gave
 * before Chrome printed them by hand (task pagecpu), for every style, several zones, years 1-9999 and past them.
 */
class ChromeDatesTest {
    private static final Pattern TIME_OF_DAY = Pattern.compile(",? \\d{1,2}:\\d{2}( [AP]M)?$");

    @Test
    void every_style_and_zone_prints_as_the_formatter_and_the_expression_did() {
        Random random = new Random(18);
        for (DateStyle style : DateStyle.values()) {
            for (String zone : new String[] {null, "Asia/Tokyo", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "-09:30"}) {
                Profile p = new Profile(MemberId.of(1), null, null, null, null, null, zone, style, false, false, null);
                Chrome chrome = new Chrome("", "/api/v1", null, Standing.GUEST, null, Instant.EPOCH, "t", List.of(), false, "/");
                chrome.display(p);
                for (int i = 0; i < 20_000; i++) {
                    long second = i % 4 == 0 ? random.nextLong() % 400_000_000_000L : 1_000_000_000L + random.nextInt(1_500_000_000);
                    Instant at = Instant.ofEpochSecond(second);
                    assertThat(chrome.dateTime(at)).as("%s %s %s", style, zone, at).isEqualTo(p.formatDate(at));
                    assertThat(chrome.date(at)).as("%s %s %s", style, zone, at)
                            .isEqualTo(TIME_OF_DAY.matcher(p.formatDate(at)).replaceFirst(""));
                }
            }
        }
    }
}
