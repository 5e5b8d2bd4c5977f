package dev.forumkit.web.internal.html;

import dev.forumkit.core.alert.AlertEntry;

/**
 * One line of the alerts page, in words: "kenji and 3 others reacted to your post in Cherry blossom season". The
 * title and link are null when the viewer may no longer see the content: the line still says what happened, never
 * what a deletion hid.
 */
public record AlertLine(long id, String kind, String actorName, String actorHref, int others, String action,
                        String title, String href, String board, java.time.Instant at, boolean read) {

    static AlertLine of(AlertEntry e, Links links) {
        boolean shown = e.contentVisible();
        String href = !shown ? null : e.post() != null ? links.post(e.post()) : links.thread(e.thread().value(), e.threadTitle());
        String actorHref = e.latestActorName() == null ? null : links.member(e.latestActor(), e.latestActorName());
        return new AlertLine(e.ids().get(0).value(), e.kind().name().toLowerCase(java.util.Locale.ROOT),
                e.latestActorName() == null ? "A former member" : e.latestActorName(), actorHref, e.otherActors(),
                action(e), shown ? e.threadTitle() : null, href, shown ? e.boardTitle() : null, e.at(), e.read());
    }

    /** The verb phrase after the actors; the thread title (or "a thread no longer available") follows it. */
    private static String action(AlertEntry e) {
        return switch (e.kind()) {
            case REPLY -> "replied to the thread";
            case QUOTE -> "quoted your post in";
            case MENTION -> "mentioned you in";
            case REACTION -> e.detail() == null ? "reacted to your post in" : "reacted to your post with " + e.detail() + " in";
            case NEW_THREAD -> "started a new thread";
            case NEW_POST_IN_BOARD -> "posted in";
            case THREAD_LOCKED -> "locked your thread";
            case THREAD_MOVED -> "moved your thread";
            case THREAD_DELETED -> "deleted your thread";
            case POST_DELETED -> "deleted your post in";
            case POST_RESTORED -> "restored your post in";
            case REPORT_RESOLVED -> "resolved your report of a post in";
            case REPORT_REJECTED -> "rejected your report of a post in";
            case MEMBER_WARNED -> "warned you (" + e.detail() + ") for your post in";
            case CONVERSATION_MESSAGE -> "wrote in a conversation"; // no alert row is ever written for it
        };
    }

    /** "and 3 others", "and 1 other", or nothing. */
    public String othersText() {
        return others <= 0 ? "" : others == 1 ? "and 1 other" : "and " + others + " others";
    }

    /** Where a board matters to the sentence: new threads ("in Japan") and moves ("to Korea"). */
    public String boardText() {
        if (board == null) {
            return "";
        }
        return switch (kind) {
            case "new_thread" -> "in " + board;
            case "thread_moved" -> "to " + board;
            default -> "";
        };
    }
}
