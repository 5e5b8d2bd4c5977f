package dev.forumkit.core.alert;

/**
 * What an alert tells its recipient. The moderation kinds are about the recipient's own content and reach them even
 * when that content is now hidden from them (the alert is how they learn it was deleted); report outcomes and warnings
 * count as moderation too, since the reported or warned-for post may be gone by then.
 */
public enum AlertKind {
    /** A reply in a thread the recipient watches. */
    REPLY,
    /** A post quotes one of the recipient's posts. */
    QUOTE,
    /** A post @mentions the recipient. */
    MENTION,
    /** A member reacted to the recipient's post. */
    REACTION,
    /** A new thread in a board the recipient watches. */
    NEW_THREAD,
    /** A new reply in a board the recipient watches with "every post". */
    NEW_POST_IN_BOARD,
    THREAD_LOCKED,
    THREAD_MOVED,
    THREAD_DELETED,
    POST_DELETED,
    POST_RESTORED,
    /**
     * A moderator resolved a report the recipient made: the content is the reported post, or for a report of a
     * member's profile that profile (no thread).
     */
    REPORT_RESOLVED,
    /** A moderator rejected a report the recipient made (a post, or a member's profile, as for resolved). */
    REPORT_REJECTED,
    /** A moderator warned the recipient for one of their posts; {@code detail} gives the points. */
    MEMBER_WARNED,
    /**
     * A new message in, or an invitation to, a private conversation the recipient takes part in. No alert row is
     * written for it (the header's inbox count is the on-site signal, and an alert would need a thread); the delivery
     * only decides whether an e-mail goes out ({@code EMAIL}). See docs/conversations.md.
     */
    CONVERSATION_MESSAGE,
    /**
     * The forum disabled a webhook after repeated failed deliveries: every admin hears of it, with a link to the
     * webhook's admin page. A system alert: no member acted, and it is about no thread.
     */
    WEBHOOK_DISABLED;

    /** Nobody acted: the forum itself did it (the alert has no actor, and nobody's ignore list holds it back). */
    public boolean isSystem() {
        return this == WEBHOOK_DISABLED;
    }

    /**
     * Kinds that say "there are new posts in this thread": while the recipient has one unread about a post they have
     * not read yet, later posts of the thread add no alert of the kind (the pending one leads to the first of them).
     */
    public boolean isNewsInThread() {
        return this == REPLY || this == NEW_POST_IN_BOARD;
    }

    /**
     * Kinds about a post that the recipient has seen once they read the thread past it: news in the thread
     * ({@code REPLY}, {@code NEW_POST_IN_BOARD}), the new thread ({@code NEW_THREAD}, its first post) and a post that
     * quotes or mentions them ({@code QUOTE}, {@code MENTION}). When a member's read mark in a thread moves to N, their
     * unread alerts of these kinds about posts of the thread numbered N or lower become read (docs/alerts.md, "Read
     * with the thread"). Not {@code REACTION} (about the recipient's own post: reading the thread says nothing about
     * having seen who reacted) nor the moderation and system kinds (a notice to be seen in the alert list).
     */
    public boolean isReadWithThread() {
        return READ_WITH_THREAD.contains(this);
    }

    /** The kinds {@link #isReadWithThread()}. */
    public static final java.util.Set<AlertKind> READ_WITH_THREAD = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(REPLY, NEW_POST_IN_BOARD, NEW_THREAD, QUOTE, MENTION));

    public boolean isModeration() {
        return switch (this) {
            case THREAD_LOCKED, THREAD_MOVED, THREAD_DELETED, POST_DELETED, POST_RESTORED,
                    REPORT_RESOLVED, REPORT_REJECTED, MEMBER_WARNED -> true;
            default -> false;
        };
    }
}
