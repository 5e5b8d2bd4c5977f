package dev.forumkit.app;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The instants of a dump, read as {@link Instant#parse} reads them. The export writes each in one form
 * ({@code 2026-01-01T12:00:00Z}, with up to nine digits of a second's fraction), which is read here by hand: the JDK's
 * general parser was about 4 % of an import's CPU. Anything else, an invalid date included, goes to
 * {@link Instant#parse}, so the result and the error are always the JDK's.
 */
final class DumpInstants {
    private DumpInstants() {
    }

    /** {@link Instant#parse}{@code (s)}; throws its {@link java.time.format.DateTimeParseException} for a bad one. */
    static Instant parse(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z' || (n > 20 && (n == 21 || s.charAt(19) != '.'))) {
            return Instant.parse(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fraction = digits(s, 20, n - 1);
            if (fraction < 0) {
                return Instant.parse(s);
            }
            nanos = fraction;
            for (int i = n - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return Instant.parse(s);
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return Instant.parse(s); // 24:00, a leap second, February 30th ...: as the JDK reads (or refuses) them
        }
    }

    /** The decimal number of s[from, to), -1 if a character is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
