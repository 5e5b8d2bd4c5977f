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
                .filter(p -> normalised(p.body()).equals(text)).count()
                + s.recentHeld().stream().filter(h -> !h.heldAt().isBefore(since))
                .filter(h -> normalised(h.body()).equals(text)).count();
        if (same >= repeats) {
            reasons.add("spam check: the same text posted " + same + " times within " + window.toMinutes() + " minutes");
        }
        return reasons;
    }

    private static String normalised(String body) {
        return body.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
