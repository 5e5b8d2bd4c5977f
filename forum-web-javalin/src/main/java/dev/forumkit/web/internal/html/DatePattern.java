package dev.forumkit.web.internal.html;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A date pattern of the bundles ({@code d MMM yyyy 'at' HH:mm}, {@code yyyy年M月d日 H:mm}) printed by hand: the same
 * text as {@code DateTimeFormatter.ofPattern(pattern, locale).withZone(zone)} (DatePatternTest compares them), without
 * its ZonedDateTime, print context and StringBuilder per date. A thread page shows three dates per post; through the
 * formatter they were 2 % of a guest page's request-thread CPU (task pagecpu). Knows the letters d, dd, M, MM, MMM,
 * yyyy, H, HH, m, mm, quoted text and other characters as text; {@link #of} gives null for any other pattern, and
 * years outside 1-9999 go to the formatter.
 */
final class DatePattern {
    private static final int DAY = 1;
    private static final int MONTH = 2;
    private static final int MONTH_TEXT = 3;
    private static final int YEAR = 4;
    private static final int HOUR = 5;
    private static final int MINUTE = 6;

    /** Per part: a field (with its minimum width) or a text. */
    private final int[] fields;
    private final int[] widths;
    private final String[] texts;
    /** The month's short name in the locale, as the formatter prints it (index 1-12). */
    private final String[] months = new String[13];
    private final DateTimeFormatter formatter;

    private DatePattern(List<Object[]> parts, String pattern, Locale locale) {
        fields = new int[parts.size()];
        widths = new int[parts.size()];
        texts = new String[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            Object[] p = parts.get(i);
            if (p[0] instanceof String text) {
                texts[i] = text;
            } else {
                fields[i] = (Integer) p[0];
                widths[i] = (Integer) p[1];
            }
        }
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM", locale);
        for (int m = 1; m <= 12; m++) {
            months[m] = month.format(LocalDate.of(2000, m, 1));
        }
        this.formatter = DateTimeFormatter.ofPattern(pattern, locale);
    }

    /** The printer of {@code pattern}, or null when it uses anything this class does not print. */
    static DatePattern of(String pattern, Locale locale) {
        List<Object[]> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                if (end < 0) {
                    return null;
                }
                text.append(end == i + 1 ? "'" : pattern.substring(i + 1, end)); // '' is a quote
                if (end > i + 1 && end + 1 < pattern.length() && pattern.charAt(end + 1) == '\'') {
                    return null; // 'it''s': not needed by the bundles
                }
                i = end + 1;
                continue;
            }
            if (c == '[' || c == ']' || c == '{' || c == '}' || c == '#') {
                return null;
            }
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                int n = 1;
                while (i + n < pattern.length() && pattern.charAt(i + n) == c) {
                    n++;
                }
                int field = switch (c + ":" + n) {
                    case "d:1", "d:2" -> DAY;
                    case "M:1", "M:2" -> MONTH;
                    case "M:3" -> MONTH_TEXT;
                    case "y:4" -> YEAR;
                    case "H:1", "H:2" -> HOUR;
                    case "m:1", "m:2" -> MINUTE;
                    default -> 0;
                };
                if (field == 0) {
                    return null;
                }
                if (text.length() > 0) {
                    parts.add(new Object[] {text.toString()});
                    text.setLength(0);
                }
                parts.add(new Object[] {field, field == YEAR ? 4 : n});
                i += n;
                continue;
            }
            text.append(c);
            i++;
        }
        if (text.length() > 0) {
            parts.add(new Object[] {text.toString()});
        }
        return new DatePattern(parts, pattern, locale);
    }

    String format(Instant at, ZoneId zone) {
        ZoneOffset offset = zone instanceof ZoneOffset o ? o : zone.getRules().getOffset(at);
        long local = at.getEpochSecond() + offset.getTotalSeconds();
        if (local < -62_135_596_800L || local > 253_402_300_799L) { // outside 0001-01-01T00:00 - 9999-12-31T23:59:59
            return formatter.withZone(zone).format(at);
        }
        long day = Math.floorDiv(local, 86_400);
        int second = (int) Math.floorMod(local, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        int year = date.getYear();
        if (year < 1 || year > 9999) {
            return formatter.withZone(zone).format(at);
        }
        StringBuilder out = new StringBuilder(24);
        for (int i = 0; i < fields.length; i++) {
            switch (fields[i]) {
                case DAY -> digits(out, date.getDayOfMonth(), widths[i]);
                case MONTH -> digits(out, date.getMonthValue(), widths[i]);
                case MONTH_TEXT -> out.append(months[date.getMonthValue()]);
                case YEAR -> digits(out, year, 4);
                case HOUR -> digits(out, second / 3600, widths[i]);
                case MINUTE -> digits(out, second / 60 % 60, widths[i]);
                default -> out.append(texts[i]);
            }
        }
        return out.toString();
    }

    /** {@code value} (0-9999) in at least {@code width} digits. */
    private static void digits(StringBuilder out, int value, int width) {
        if (width >= 4 && value < 1000) {
            out.append('0');
        }
        if (width >= 3 && value < 100) {
            out.append('0');
        }
        if (width >= 2 && value < 10) {
            out.append('0');
        }
        out.append(value);
    }
}
