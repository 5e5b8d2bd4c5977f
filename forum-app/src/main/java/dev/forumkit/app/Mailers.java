package dev.forumkit.app;

import dev.forumkit.core.mail.LoggingMailer;
import dev.forumkit.core.mail.Mailer;
import dev.forumkit.mail.smtp.SmtpMailer;

/** The mailer the settings ask for: SMTP when {@code smtp.host} is set, else one that logs e-mails. */
final class Mailers {
    private Mailers() {
    }

    static Mailer create(Settings.Mail mail) {
        return mail.smtp() == null ? new LoggingMailer(mail.from()) : SmtpMailer.create(mail.smtp());
    }

    /** One line for the start-up log that says where e-mails go. */
    static String describe(Settings.Mail mail) {
        return mail.smtp() == null
                ? "no smtp.host set: e-mails are written to the log, not sent (from " + mail.from() + ")"
                : "sent through SMTP " + mail.smtp().describe();
    }
}
