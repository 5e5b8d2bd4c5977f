package dev.forumkit.core.notify;

import dev.forumkit.core.alert.Alert;
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

    static Email of(Content c, String publicUrl, String token, String key) {
        String title = oneLine(c.thread().title());
        String what = switch (c.alert().kind()) {
            case REPLY, NEW_POST_IN_BOARD -> c.actorName() + " replied to the thread \"" + title + "\"";
            case QUOTE -> c.actorName() + " quoted your post in the thread \"" + title + "\"";
            case MENTION -> c.actorName() + " mentioned you in the thread \"" + title + "\"";
            case REACTION -> c.actorName() + " reacted to your post in the thread \"" + title + "\"";
            case NEW_THREAD -> c.actorName() + " started the thread \"" + title + "\"";
            case THREAD_LOCKED -> "Your thread \"" + title + "\" was locked";
            case THREAD_MOVED -> "Your thread \"" + title + "\" was moved";
            case THREAD_DELETED -> "Your thread \"" + title + "\" was deleted";
            case POST_DELETED -> "Your post in the thread \"" + title + "\" was deleted";
            case POST_RESTORED -> "Your post in the thread \"" + title + "\" was restored";
            case REPORT_RESOLVED -> "The moderators resolved your report of a post in the thread \"" + title + "\"";
            case REPORT_REJECTED -> "The moderators rejected your report of a post in the thread \"" + title + "\"";
            case MEMBER_WARNED -> "You were warned (" + c.alert().detail() + ") for your post in the thread \"" + title + "\"";
            // never an alert row: ConversationMail writes these e-mails itself
            case CONVERSATION_MESSAGE -> "News in a conversation";
        };
        String link = c.post() != null ? publicUrl + "/posts/" + c.post().id().value() + "/"
                : publicUrl + "/threads/" + c.thread().slug() + "." + c.thread().id().value() + "/";
        String unsubscribe = publicUrl + "/unsubscribe/" + token;
        String excerpt = c.post() == null ? null : excerpt(c.post().body());
        String why = switch (c.scope()) {
            case THREAD -> "you watch this thread with e-mail";
            case BOARD -> "you watch this board with e-mail";
            case KIND -> "you asked for these alerts by e-mail";
        };
        String more = c.alert().kind().isModeration() ? "" : "\nThere will be no more e-mails about this thread until you read it.\n";

        StringBuilder text = new StringBuilder("Hello ").append(c.to().username()).append(",\n\n").append(what).append(".\n\n");
        if (excerpt != null) {
            excerpt.lines().forEach(l -> text.append("> ").append(l).append('\n'));
            text.append('\n');
        }
        text.append("Read it: ").append(link).append('\n').append(more)
                .append("\nYou get this e-mail because ").append(why).append(". Unsubscribe: ").append(unsubscribe).append('\n');

        StringBuilder html = new StringBuilder("<p>Hello ").append(Html.escape(c.to().username())).append(",</p>")
                .append("<p>").append(Html.escape(what)).append(".</p>");
        if (excerpt != null) {
            html.append("<blockquote style=\"white-space: pre-wrap\">").append(Html.escape(excerpt)).append("</blockquote>");
        }
        html.append("<p><a href=\"").append(Html.escape(link)).append("\">Read it on the forum</a></p>");
        if (!more.isEmpty()) {
            html.append("<p>").append(Html.escape(more.strip())).append("</p>");
        }
        html.append("<p style=\"font-size: smaller\">You get this e-mail because ").append(Html.escape(why))
                .append(". <a href=\"").append(Html.escape(unsubscribe)).append("\">Unsubscribe</a></p>");

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
