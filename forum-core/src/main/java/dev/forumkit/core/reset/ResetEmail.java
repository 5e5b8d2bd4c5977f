package dev.forumkit.core.reset;

import dev.forumkit.core.mail.Email;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.markup.Html;
import dev.forumkit.core.member.Member;

/** The reset e-mail: plain text and HTML, the member's name escaped in the HTML. */
final class ResetEmail {
    private ResetEmail() {
    }

    static Email of(Member m, String link, String forumName, String key) {
        String text = "Hello " + m.username() + ",\n\n"
                + "someone (hopefully you) asked to reset your password at " + forumName + ".\n"
                + "To choose a new password, open this link within an hour:\n\n" + link + "\n\n"
                + "The link works once. If you did not ask for it, ignore this e-mail: your password stays as it is.\n";
        String html = "<p>Hello " + Html.escape(m.username()) + ",</p>"
                + "<p>someone (hopefully you) asked to reset your password at " + Html.escape(forumName) + ".</p>"
                + "<p><a href=\"" + Html.escape(link) + "\">Choose a new password</a> (the link works once, for an hour).</p>"
                + "<p>If you did not ask for it, ignore this e-mail: your password stays as it is.</p>";
        return Email.plain(EmailAddress.of(m.email()), "Reset your password at " + forumName, text, key).withHtml(html);
    }
}
