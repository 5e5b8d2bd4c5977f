package dev.forumkit.web.internal.html;

import dev.forumkit.core.alert.AlertEntry;

/**
 * One line of the alerts page, in words: "kenji and 3 others reacted to your post in Cherry blossom season". The
 * title and link are null when the viewer may no longer see the content: the line still says what happened, never
 * what a deletion hid.
 */
public record AlertLine(long id, String kind, String actorName, String actorHref, int others, String detail,
                        String title, String href, String board, java.time.Instant at, boolean read) {

    static AlertLine of(AlertEntry e, Links links) {
        boolean shown = e.contentVisible();
        String href = !shown ? null : e.post() != null ? links.post(e.post()) : links.thread(e.thread().value(), e.threadTitle());
        String actorHref = e.latestActorName() == null ? null : links.member(e.latestActor(), e.latestActorName());
        return new AlertLine(e.ids().get(0).value(), e.kind().name().toLowerCase(java.util.Locale.ROOT),
                e.latestActorName(), actorHref, e.otherActors(),
                e.detail(), shown ? e.threadTitle() : null, href, shown ? e.boardTitle() : null, e.at(), e.read());
    }

    /**
     * The line as markup in the reader's language: one sentence per kind ({@code alert.reply}) with the actor as
     * {0}, "and 3 others" as {1}, the thread (a link, or words saying it is gone) as {2}, the board as {3} and the
     * kind's detail (a reaction, warning points) as {4}. A reaction without a detail, and a new or moved thread whose
     * board the reader may not see, have sentences of their own.
     */
    public String sentence(Texts t) {
        String name = Texts.escape(actorName == null ? t.t("alert.formerMember") : actorName);
        String actor = actorHref == null ? "<span class=\"alert-actor\">" + name + "</span>"
                : "<a class=\"alert-actor\" href=\"" + Texts.escape(actorHref) + "\">" + name + "</a>";
        String more = others <= 0 ? "" : Texts.escape(t.plural("alert.others", others, Integer.toString(others)));
        String target = href == null ? "<span class=\"alert-gone\">" + Texts.escape(t.t("alert.gone")) + "</span>"
                : "<a class=\"alert-link\" href=\"" + Texts.escape(href) + "\">" + Texts.escape(title) + "</a>";
        String key = "alert." + kind + (kind.equals("reaction") && detail == null ? ".plain" : "")
                + (board == null && (kind.equals("new_thread") || kind.equals("thread_moved")) ? ".noBoard" : "");
        return t.markup(key, actor, more, target, board == null ? "" : Texts.escape(board),
                detail == null ? "" : Texts.escape(detail));
    }
}
