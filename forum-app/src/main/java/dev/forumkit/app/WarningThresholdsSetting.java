package dev.forumkit.app;

import dev.forumkit.core.warning.WarningThreshold;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code warning.thresholds} setting: {@code points:duration} pairs separated by commas, such as
 * {@code 10:7d,20:30d} (10 active warning points ban for 7 days, 20 for 30 days); {@code none} turns automatic bans
 * off. Durations are written as for {@code event.retention}.
 */
final class WarningThresholdsSetting {
    private static final String KEY = "warning.thresholds";

    private WarningThresholdsSetting() {
    }

    static List<WarningThreshold> parse(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.toLowerCase(Locale.ROOT).equals("none")) {
            return List.of();
        }
        List<WarningThreshold> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String part : v.split(",")) {
            String[] pair = part.strip().split(":");
            if (pair.length != 2) {
                throw bad(value, "each threshold is points:duration");
            }
            int points;
            try {
                points = Integer.parseInt(pair[0].strip());
            } catch (NumberFormatException e) {
                throw bad(value, "points must be a whole number");
            }
            if (points < 1 || !seen.add(points)) {
                throw bad(value, "points must be at least 1 and appear once");
            }
            out.add(new WarningThreshold(points, DurationSetting.parse(KEY, pair[1])));
        }
        return List.copyOf(out);
    }

    private static IllegalArgumentException bad(String value, String why) {
        return new IllegalArgumentException(KEY + " must look like 10:7d,20:30d (or none): " + why + ", not \"" + value + "\"");
    }
}
