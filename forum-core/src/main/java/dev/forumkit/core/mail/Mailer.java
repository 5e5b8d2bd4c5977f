package dev.forumkit.core.mail;

/**
 * Sends e-mail: the SMTP adapter in forum-mail-smtp, {@link LoggingMailer} when no mail server is set, and
 * {@link InMemoryMailer} in tests. Every implementation passes forum-testkit's {@code MailerContract}, and must be
 * safe to call from several threads at once.
 */
public interface Mailer {
    /**
     * Sends one e-mail, with the From address the mailer was set up with and the Message-ID
     * {@link Email#messageId(String) derived from the e-mail's key}; returns once the mail server has accepted it.
     *
     * @throws MailException if the e-mail could not be handed over, with the reason and whether retrying may help
     */
    void send(Email email);
}
