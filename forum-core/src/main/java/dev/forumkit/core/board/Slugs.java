package dev.forumkit.core.board;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs from titles: lower-case ASCII words joined by dashes; the id in the URL is what counts. */
public final class Slugs {
    private static final int MAX = 80;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Slugs() {
    }

    public static String of(String title) {
        String t = title == null ? "" : title;
        // an ASCII title has nothing to decompose nor marks to drop: links are built for every post of a page
        String ascii = isAscii(t) ? t.toLowerCase(Locale.ROOT)
                : MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < ascii.length() && out.length() < MAX; i++) {
            char c = ascii.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
                dash = false;
            } else if (!dash && out.length() > 0) {
                out.append('-');
                dash = true;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return end == 0 ? "untitled" : out.substring(0, end);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
