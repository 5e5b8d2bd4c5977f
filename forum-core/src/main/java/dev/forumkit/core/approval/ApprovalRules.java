package dev.forumkit.core.approval;

/**
 * When the forum holds posts for approval by rule, besides moderated boards and spam verdicts: a member's first
 * {@code firstPosts} posts (0: off), and posts with more than {@code maxLinks} links by members with fewer than
 * {@code linkPostsBelow} posts (0: off). Posts count as the member's message count: visible, approved posts only.
 */
public record ApprovalRules(int firstPosts, int maxLinks, int linkPostsBelow) {
    /** Nothing held by rule; moderated boards and the spam checks still hold. */
    public static final ApprovalRules OFF = new ApprovalRules(0, 2, 0);

    public ApprovalRules {
        if (firstPosts < 0 || maxLinks < 0 || linkPostsBelow < 0) {
            throw new IllegalArgumentException("approval rule numbers are never negative");
        }
    }
}
