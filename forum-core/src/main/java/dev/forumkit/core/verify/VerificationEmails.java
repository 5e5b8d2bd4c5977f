package dev.forumkit.core.verify;

import dev.forumkit.core.mail.Email;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.markup.Html;
import dev.forumkit.core.member.Member;

/** The e-mails of verification and change of address: plain text and HTML, the member's name escaped in the HTML. */
final class VerificationEmails {
    private VerificationEmails() {
    }

    /** The link that proves {@code address}: on registration or resend (confirm), or for a new address (change). */
    static Email link(Member m, String address, boolean change, String link, String forumName, String key) {
        String what = change ? "make " + address + " your e-mail address at " + forumName
                : "confirm that " + address + " is your e-mail address at " + forumName;
        String text = "Hello " + m.username() + ",\n\n"
                + "please " + what + ". Open this link within 24 hours:\n\n" + link + "\n\n"
                + "The link works once. If you did not ask for it, ignore this e-mail: nothing changes.\n";
        String html = "<p>Hello " + Html.escape(m.username()) + ",</p>"
                + "<p>please " + Html.escape(what) + ".</p>"
                + "<p><a href=\"" + Html.escape(link) + "\">" + (change ? "Use this address" : "Confirm this address")
                + "</a> (the link works once, for 24 hours).</p>"
                + "<p>If you did not ask for it, ignore this e-mail: nothing changes.</p>";
        String subject = (change ? "Confirm your new e-mail address at " : "Confirm your e-mail address at ") + forumName;
        return Email.plain(EmailAddress.of(address), subject, text, key).withHtml(html);
    }

    /** To the old address: a change was asked for (so a member whose account was taken over learns of it). */
    static Email changeNotice(Member m, String oldAddress, String newAddress, String forumName, String key) {
        String text = "Hello " + m.username() + ",\n\n"
                + "someone signed in as you at " + forumName + " asked to change your e-mail address to " + newAddress
                + ". The change happens only when the link we sent to that address is opened.\n\n"
                + "If this was not you, change your password now and tell the forum's staff.\n";
        String html = "<p>Hello " + Html.escape(m.username()) + ",</p>"
                + "<p>someone signed in as you at " + Html.escape(forumName) + " asked to change your e-mail address to "
                + Html.escape(newAddress) + ". The change happens only when the link we sent to that address is opened.</p>"
                + "<p>If this was not you, change your password now and tell the forum's staff.</p>";
        return Email.plain(EmailAddress.of(oldAddress), "Your e-mail address at " + forumName + " is about to change",
                text, key).withHtml(html);
    }
}
