package dev.forumkit.core.board;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs from titles: lower-case ASCII words joined by dashes; the id in the URL is what counts. */
public final class Slugs {
    private static final int MAX = 80;

    private Slugs() {
    }

    public static String of(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
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
}
