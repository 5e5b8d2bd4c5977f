package dev.forumkit.core.reset;

import dev.forumkit.core.internal.MailTexts;

import dev.forumkit.core.mail.Email;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.markup.Html;
import dev.forumkit.core.member.Member;

/** The reset e-mail: plain text and HTML, the member's name escaped in the HTML. */
final class ResetEmail {
    private ResetEmail() {
    }

    static Email of(Member m, String link, String forumName, String key, MailTexts t) {
        String text = t.t("hello", m.username()) + "\n\n"
                + t.t("reset.asked", forumName) + "\n"
                + t.t("reset.open") + "\n\n" + link + "\n\n"
                + t.t("reset.once") + "\n";
        String html = "<p>" + t.t("hello", Html.escape(m.username())) + "</p>"
                + "<p>" + t.t("reset.asked", Html.escape(forumName)) + "</p>"
                + "<p>" + t.t("reset.link", Html.escape(link)) + "</p>"
                + "<p>" + Html.escape(t.t("reset.ignore")) + "</p>";
        return Email.plain(EmailAddress.of(m.email()), t.t("reset.subject", forumName), text, key).withHtml(html);
    }
}
