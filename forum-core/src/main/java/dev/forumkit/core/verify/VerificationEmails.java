package dev.forumkit.core.verify;

import dev.forumkit.core.internal.MailTexts;

import dev.forumkit.core.mail.Email;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.markup.Html;
import dev.forumkit.core.member.Member;

/** The e-mails of verification and change of address: plain text and HTML, the member's name escaped in the HTML. */
final class VerificationEmails {
    private VerificationEmails() {
    }

    /** The link that proves {@code address}: on registration or resend (confirm), or for a new address (change). */
    static Email link(Member m, String address, boolean change, String link, String forumName, String key, MailTexts t) {
        String what = change ? "verify.change" : "verify.confirm";
        String text = t.t("hello", m.username()) + "\n\n"
                + t.t(what, address, forumName) + " " + t.t("verify.open") + "\n\n" + link + "\n\n"
                + t.t("verify.once") + "\n";
        String html = "<p>" + t.t("hello", Html.escape(m.username())) + "</p>"
                + "<p>" + t.t(what, Html.escape(address), Html.escape(forumName)) + "</p>"
                + "<p>" + t.t(change ? "verify.link.change" : "verify.link.confirm", Html.escape(link)) + "</p>"
                + "<p>" + Html.escape(t.t("verify.ignore")) + "</p>";
        String subject = t.t(change ? "verify.subject.change" : "verify.subject.confirm", forumName);
        return Email.plain(EmailAddress.of(address), subject, text, key).withHtml(html);
    }

    /** To the old address: a change was asked for (so a member whose account was taken over learns of it). */
    static Email changeNotice(Member m, String oldAddress, String newAddress, String forumName, String key, MailTexts t) {
        String text = t.t("hello", m.username()) + "\n\n"
                + t.t("change.asked", forumName, newAddress) + "\n\n"
                + t.t("change.notYou") + "\n";
        String html = "<p>" + t.t("hello", Html.escape(m.username())) + "</p>"
                + "<p>" + t.t("change.asked", Html.escape(forumName), Html.escape(newAddress)) + "</p>"
                + "<p>" + Html.escape(t.t("change.notYou")) + "</p>";
        return Email.plain(EmailAddress.of(oldAddress), t.t("change.subject", forumName), text, key).withHtml(html);
    }
}
