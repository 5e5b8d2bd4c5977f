package dev.forumkit.app;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration setting as people write it ({@code 7d}, {@code 12h}, {@code 30m}, {@code 45s}) or in ISO-8601 ({@code P7D}, {@code PT12H}). */
final class DurationSetting {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(d|h|m|s)");

    private DurationSetting() {
    }

    /** The duration, which must be above zero; else an error that names the setting and shows the accepted forms. */
    static Duration parse(String key, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Duration d = null;
        Matcher m = SHORT.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        } else if (v.startsWith("p")) {
            try {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                d = null;
            }
        }
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("setting " + key + " must be a duration above zero such as 7d, 12h, 30m, 45s"
                    + " or P7D, not " + value);
        }
        return d;
    }
}
