package dev.forumkit.core.approval;

import java.util.List;

/**
 * The spam check port: asked about every post a member without moderation rights writes, before it is stored. A
 * non-empty answer holds the post for approval, each string a reason shown in the queue. Hosts plug their own (a
 * service such as Akismet) through {@code ForumConfig.spamChecks}; {@link #standard()} is the default rule set. Runs
 * inside the posting transaction: a check that calls out over the network should answer fast or hold.
 */
public interface SpamChecks {
    /** Reasons to hold the submission; empty to let it through. */
    List<String> check(Submission submission);

    /** No checks: nothing is held for spam (rules and moderated boards still hold). */
    static SpamChecks none() {
        return s -> List.of();
    }

    /** The default rules: link-heavy first posts, the same text posted many times quickly. */
    static SpamChecks standard() {
        return new StandardSpamChecks(3, 3, java.time.Duration.ofMinutes(10));
    }

    /** These checks and then the other's, the reasons of both. */
    default SpamChecks and(SpamChecks other) {
        return s -> {
            List<String> mine = check(s);
            List<String> theirs = other.check(s);
            return mine.isEmpty() ? theirs : theirs.isEmpty() ? mine
                    : java.util.stream.Stream.concat(mine.stream(), theirs.stream()).toList();
        };
    }
}
