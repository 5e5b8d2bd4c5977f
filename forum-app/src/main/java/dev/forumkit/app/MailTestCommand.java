package dev.forumkit.app;

import dev.forumkit.core.ForumException;
import dev.forumkit.core.mail.Email;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.mail.MailException;

import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/**
 * {@code forumkit mail-test ADDRESS}: sends one test e-mail through the mailer the settings describe, so that an
 * administrator can check the SMTP settings before members depend on them. Exit status 0 when the server accepted it,
 * 1 when it did not (with the reason), 2 for a bad address.
 */
final class MailTestCommand {
    static final String USAGE = """
            mail-test ADDRESS
                       send a test e-mail to ADDRESS with the smtp.* and mail.from settings (logged if no smtp.host)""";

    private MailTestCommand() {
    }

    static int run(List<String> args, Settings settings, PrintStream out) {
        if (args.size() != 1) {
            System.err.println("mail-test: give one address; usage: " + USAGE);
            return 2;
        }
        Email email;
        try {
            // a fresh key each run: every test e-mail is a new message, not a re-send of the last one
            email = Email.plain(EmailAddress.parse(args.get(0)), "forumkit test e-mail",
                    "This is a test e-mail from forumkit.\n\nIf you can read it, the forum's e-mail settings work.\n",
                    "mail-test:" + UUID.randomUUID());
        } catch (ForumException e) {
            System.err.println("mail-test: " + e.getMessage());
            return 2;
        }
        try {
            Mailers.create(settings.mail()).send(email);
        } catch (MailException e) {
            System.err.println("mail-test: " + e.getMessage());
            return 1;
        }
        out.println("mail-test: " + (settings.mail().smtp() == null
                ? "no smtp.host set, so the e-mail was written to the log instead of sent"
                : "the SMTP server accepted the e-mail to " + email.to().asciiAddress() + " ("
                        + settings.mail().smtp().describe() + ")"));
        return 0;
    }
}
