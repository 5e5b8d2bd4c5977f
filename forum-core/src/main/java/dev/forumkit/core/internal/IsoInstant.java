package dev.forumkit.core.internal;

import java.time.Instant;

/**
 * {@link Instant#toString()} (ISO-8601 in UTC, the fraction in groups of three digits, none when zero) without
 * {@code DateTimeFormatter}: that one builds a LocalDateTime, a LocalDate, a LocalTime, a StringBuilder and more per
 * call, and a thread page writes three to five dates per post (JSON and HTML; docs/performance.md, task pagecost).
 * Years 0-9999 are written here; any other goes to {@code Instant.toString()}.
 */
public final class IsoInstant {
    private static final long MIN_SECOND = -62_167_219_200L; // 0000-01-01T00:00:00Z
    private static final long MAX_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z

    private IsoInstant() {
    }

    /** The same text as {@code at.toString()}. */
    public static String format(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
            return at.toString();
        }
        int nano = at.getNano();
        int fraction = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        byte[] b = new byte[20 + (fraction == 0 ? 0 : fraction + 1)];
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        // civil date from days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil inverse)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        digits(b, 0, year, 4);
        b[4] = '-';
        digits(b, 5, month, 2);
        b[7] = '-';
        digits(b, 8, day, 2);
        b[10] = 'T';
        digits(b, 11, secondOfDay / 3600, 2);
        b[13] = ':';
        digits(b, 14, secondOfDay / 60 % 60, 2);
        b[16] = ':';
        digits(b, 17, secondOfDay % 60, 2);
        int at19 = 19;
        if (fraction > 0) {
            b[at19++] = '.';
            int value = fraction == 3 ? nano / 1_000_000 : fraction == 6 ? nano / 1_000 : nano;
            digits(b, at19, value, fraction);
            at19 += fraction;
        }
        b[at19] = 'Z';
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void digits(byte[] b, int from, int value, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
