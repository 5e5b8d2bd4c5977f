package dev.forumkit.web.internal.html;

import dev.forumkit.core.alert.AlertEntry;

/**
 * One line of the alerts page, in words: "kenji and 3 others reacted to your post in Cherry blossom season". The
 * title and link are null when the viewer may no longer see the content: the line still says what happened, never
 * what a deletion hid. {@code subject} says what the link leads to: a thread (or a post in it), a member's profile
 * (a report of it) or a webhook's admin page (a system alert, which has no actor).
 */
public record AlertLine(long id, String kind, String actorName, String actorHref, int others, String detail,
                        String title, String href, String board, java.time.Instant at, boolean read, String subject) {

    static AlertLine of(AlertEntry e, Links links) {
        boolean shown = e.contentVisible();
        String actorHref = e.latestActorName() == null ? null : links.member(e.latestActor(), e.latestActorName());
        String kind = e.kind().name().toLowerCase(java.util.Locale.ROOT);
        long id = e.ids().get(0).value();
        if (e.profile() != null) {
            return new AlertLine(id, kind, e.latestActorName(), actorHref, e.otherActors(), e.detail(),
                    shown ? e.profileName() : null, shown ? links.member(e.profile(), e.profileName()) : null, null,
                    e.at(), e.read(), "profile");
        }
        if (e.webhook() != null) {
            return new AlertLine(id, kind, null, null, 0, e.detail(), shown ? e.webhookUrl() : null,
                    shown ? links.admin("webhooks/" + e.webhook().value()) : null, null, e.at(), e.read(), "webhook");
        }
        String href = !shown ? null : e.post() != null ? links.post(e.post()) : links.thread(e.thread().value(), e.threadTitle());
        return new AlertLine(id, kind, e.latestActorName(), actorHref, e.otherActors(),
                e.detail(), shown ? e.threadTitle() : null, href, shown ? e.boardTitle() : null, e.at(), e.read(), "thread");
    }

    /**
     * The line as markup in the reader's language: one sentence per kind ({@code alert.reply}) with the actor as
     * {0}, "and 3 others" as {1}, the thread (a link, or words saying it is gone) as {2}, the board as {3} and the
     * kind's detail (a reaction, warning points, failed deliveries) as {4}. A reaction without a detail, a new or
     * moved thread whose board the reader may not see, and a report of a profile have sentences of their own; for a
     * profile or a webhook, {2} is the member's name or the webhook's address.
     */
    public String sentence(Texts t) {
        String name = Texts.escape(actorName == null ? t.t("alert.formerMember") : actorName);
        String actor = actorHref == null ? "<span class=\"alert-actor\">" + name + "</span>"
                : "<a class=\"alert-actor\" href=\"" + Texts.escape(actorHref) + "\">" + name + "</a>";
        String more = others <= 0 ? "" : Texts.escape(t.plural("alert.others", others, Integer.toString(others)));
        String gone = t.t(subject.equals("thread") ? "alert.gone" : "alert.gone." + subject);
        String target = href == null ? "<span class=\"alert-gone\">" + Texts.escape(gone) + "</span>"
                : "<a class=\"alert-link\" href=\"" + Texts.escape(href) + "\">" + Texts.escape(title) + "</a>";
        String key = "alert." + kind + (kind.equals("reaction") && detail == null ? ".plain" : "")
                + (board == null && (kind.equals("new_thread") || kind.equals("thread_moved")) ? ".noBoard" : "")
                + (subject.equals("profile") ? ".profile" : "");
        return t.markup(key, actor, more, target, board == null ? "" : Texts.escape(board),
                detail == null ? "" : Texts.escape(detail));
    }
}
