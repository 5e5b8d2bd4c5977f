package dev.forumkit.core.mail;

import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes each e-mail to the log instead of sending it: the default while no mail server is set, so that a forum
 * without SMTP still shows what it would have sent (an administrator can copy a link out of the log). The body is
 * indented with {@code "  | "} on every line, so that text a member wrote cannot pass for a log line of its own.
 */
public final class LoggingMailer implements Mailer {
    private static final Logger LOG = Logger.getLogger(LoggingMailer.class.getName());
    private final EmailAddress from;

    public LoggingMailer(EmailAddress from) {
        this.from = Objects.requireNonNull(from, "from");
    }

    @Override
    public void send(Email email) {
        SentEmail mail = SentEmail.of(from, Objects.requireNonNull(email, "email"));
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        StringBuilder b = new StringBuilder("e-mail not sent (no mail server is set), logged instead:\n");
        b.append("  | Message-ID: ").append(mail.messageId()).append('\n')
                .append("  | From: ").append(from).append('\n')
                .append("  | To: ").append(email.to()).append('\n')
                .append("  | Subject: ").append(email.subject()).append('\n');
        email.headers().forEach((name, value) -> b.append("  | ").append(name).append(": ").append(value).append('\n'));
        b.append("  |\n");
        email.text().lines().forEach(line -> b.append("  | ").append(line).append('\n'));
        if (email.html() != null) {
            b.append("  | (and an HTML version of ").append(email.html().length()).append(" characters)\n");
        }
        LOG.log(Level.INFO, b.toString().stripTrailing());
    }

    /** The address e-mails would be sent from. */
    public EmailAddress from() {
        return from;
    }
}
