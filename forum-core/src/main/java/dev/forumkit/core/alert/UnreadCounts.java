package dev.forumkit.core.alert;

/** A member's unread alerts and conversations with unread messages, counted together (the page header's badges). */
public record UnreadCounts(long alerts, long conversations) {
    public UnreadCounts {
        if (alerts < 0 || conversations < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }
}
