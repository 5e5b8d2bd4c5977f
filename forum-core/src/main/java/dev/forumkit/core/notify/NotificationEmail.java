package dev.forumkit.core.notify;

import dev.forumkit.core.alert.Alert;
import dev.forumkit.core.internal.MailTexts;
import dev.forumkit.core.mail.Email;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.markup.Html;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.thread.ForumThread;

/**
 * One notification e-mail: plain text and HTML, with {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}
 * (RFC 8058). Everything a member wrote (names, titles, the post) is escaped in the HTML; the post is quoted from
 * its source text, never its rendered HTML, and cut to {@value #EXCERPT} characters.
 */
final class NotificationEmail {
    static final int EXCERPT = 2_000;

    /** What the e-mail is about; {@code post} is null when it must not be shown (or the alert has none). */
    record Content(Member to, Alert alert, String actorName, ForumThread thread, Post post, Unsubscribe.Scope scope) {
    }

    private NotificationEmail() {
    }

    static Email of(Content c, String publicUrl, String token, String key, MailTexts t) {
        String title = oneLine(c.thread().title());
        String actor = c.actorName() == null ? t.t("someone") : c.actorName();
        String what = t.t("notify." + c.alert().kind().name().toLowerCase(java.util.Locale.ROOT), actor, title,
                c.alert().detail());
        String link = c.post() != null ? publicUrl + "/posts/" + c.post().id().value() + "/"
                : publicUrl + "/threads/" + c.thread().slug() + "." + c.thread().id().value() + "/";
        String unsubscribe = publicUrl + "/unsubscribe/" + token;
        String excerpt = c.post() == null ? null : excerpt(c.post().body());
        String why = t.t("notify.why." + c.scope().name().toLowerCase(java.util.Locale.ROOT));
        String more = c.alert().kind().isModeration() ? "" : "\n" + t.t("notify.more") + "\n";

        StringBuilder text = new StringBuilder(t.t("hello", c.to().username())).append("\n\n")
                .append(t.t("notify.sentence", what)).append("\n\n");
        if (excerpt != null) {
            excerpt.lines().forEach(l -> text.append("> ").append(l).append('\n'));
            text.append('\n');
        }
        text.append(t.t("notify.read")).append(' ').append(link).append('\n').append(more)
                .append('\n').append(t.t("notify.because", why)).append(' ').append(t.t("notify.unsubscribe")).append(' ')
                .append(unsubscribe).append('\n');

        StringBuilder html = new StringBuilder("<p>").append(t.t("hello", Html.escape(c.to().username()))).append("</p>")
                .append("<p>").append(t.t("notify.sentence", Html.escape(what))).append("</p>");
        if (excerpt != null) {
            html.append("<blockquote style=\"white-space: pre-wrap\">").append(Html.escape(excerpt)).append("</blockquote>");
        }
        html.append("<p><a href=\"").append(Html.escape(link)).append("\">").append(Html.escape(t.t("notify.readOnForum")))
                .append("</a></p>");
        if (!more.isEmpty()) {
            html.append("<p>").append(Html.escape(more.strip())).append("</p>");
        }
        html.append("<p style=\"font-size: smaller\">").append(Html.escape(t.t("notify.because", why)))
                .append(" <a href=\"").append(Html.escape(unsubscribe)).append("\">")
                .append(Html.escape(t.t("notify.unsubscribeLink"))).append("</a></p>");

        return Email.plain(EmailAddress.of(c.to().email()), cut(what, 200), text.toString(), key)
                .withHtml(html.toString())
                .withHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    private static String excerpt(String body) {
        return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT) + " …";
    }

    /** A subject is one line: control characters become spaces. */
    private static String oneLine(String s) {
        return s.codePoints().map(ch -> Character.isISOControl(ch) ? ' ' : ch)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
