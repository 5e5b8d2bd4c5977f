package dev.forumkit.core.profile;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a member wants dates shown; every style shows the time in the member's own time zone. */
public enum DateStyle {
    /** 2026-12-06 15:34: the forum's default, unambiguous everywhere. */
    ISO("yyyy-MM-dd HH:mm", "yyyy-MM-dd"),
    /** 6 Dec 2026, 15:34. */
    DAY_MONTH_YEAR("d MMM yyyy, HH:mm", "d MMM yyyy"),
    /** Dec 6, 2026, 3:34 PM. */
    MONTH_DAY_YEAR("MMM d, yyyy, h:mm a", "MMM d, yyyy");

    private final DateTimeFormatter formatter;
    /** The formatter in each zone asked for: withZone made a new formatter per date shown (task pagecost). */
    private final java.util.Map<ZoneId, DateTimeFormatter> zoned = new java.util.concurrent.ConcurrentHashMap<>();

    private final String pattern;
    private final String dayPattern;

    DateStyle(String pattern, String dayPattern) {
        this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
        this.pattern = pattern;
        this.dayPattern = dayPattern;
    }

    /** The {@code DateTimeFormatter} pattern of {@link #format} (English), for a printer of its own. */
    public String pattern() {
        return pattern;
    }

    /** The same without the time of day: the date alone, as a page shows the day someone joined. */
    public String dayPattern() {
        return dayPattern;
    }

    public String format(Instant instant, ZoneId zone) {
        return zoned.computeIfAbsent(zone, formatter::withZone).format(instant);
    }

    /** The lower-case name used in the JSON API and forms ({@code day_month_year}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #key()}; null for anything else. */
    public static DateStyle parse(String key) {
        for (DateStyle s : values()) {
            if (key != null && s.key().equalsIgnoreCase(key.strip())) {
                return s;
            }
        }
        return null;
    }
}
