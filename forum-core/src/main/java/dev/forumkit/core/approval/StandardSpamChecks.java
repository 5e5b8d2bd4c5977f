package dev.forumkit.core.approval;


import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The default rule set: a member's first post with {@code firstPostLinks} links or more, and the same text (ignoring
 * case and spacing) posted a {@code repeats}-th time within {@code window} by one member, held posts included.
 */
public record StandardSpamChecks(int firstPostLinks, int repeats, Duration window) implements SpamChecks {
    public StandardSpamChecks {
        if (firstPostLinks < 1 || repeats < 2 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("spam rule limits must be positive (repeats at least 2)");
        }
    }

    @Override
    public List<String> check(Submission s) {
        List<String> reasons = new ArrayList<>();
        if (s.author().messageCount() == 0 && s.links() >= firstPostLinks) {
            reasons.add("spam check: a first post with " + s.links() + " links");
        }
        String text = normalised(s.body());
        Instant since = s.at().minus(window);
        long same = 1 + s.recentPosts().stream().filter(p -> !p.createdAt().isBefore(since))
                .filter(p -> sameText(p.body(), text)).count()
                + s.recentHeld().stream().filter(h -> !h.heldAt().isBefore(since))
                .filter(h -> sameText(h.body(), text)).count();
        if (same >= repeats) {
            reasons.add("spam check: the same text posted " + same + " times within " + window.toMinutes() + " minutes");
        }
        return reasons;
    }

    static String normalised(String body) {
        return body.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * {@code normalised(body).equals(text)} for a {@code text} already normalised, without building the normalised
     * body while it is ASCII: compared character by character, stopping at the first difference (the author's recent
     * posts differ from a new one in their first words, and the regular expression cost more than the rest of the
     * check). At the first character beyond ASCII, whose lower case may depend on its neighbours or have another
     * length, the body is normalised as before.
     */
    static boolean sameText(String body, String text) {
        int start = 0;
        int end = body.length();
        while (start < end && Character.isWhitespace(body.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(body.charAt(end - 1))) {
            end--;
        }
        int j = 0;
        int n = text.length();
        for (int i = start; i < end; i++) {
            char c = body.charAt(i);
            if (c >= 0x80) {
                return normalised(body).equals(text);
            }
            if (space(c)) {
                while (i + 1 < end && space(body.charAt(i + 1))) {
                    i++;
                }
                c = ' ';
            } else if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (j >= n || text.charAt(j) != c) {
                return false;
            }
            j++;
        }
        return j == n;
    }

    /** The characters of the regular expression {@code \\s}. */
    private static boolean space(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
