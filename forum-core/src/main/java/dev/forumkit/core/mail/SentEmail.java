package dev.forumkit.core.mail;

import java.util.Objects;

/** An e-mail as a mailer sent it: with the From address and the Message-ID that went out. */
public record SentEmail(EmailAddress from, Email email, String messageId) {
    public SentEmail {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(messageId, "messageId");
    }

    /** What the mailer sends for {@code email} from {@code from}. */
    static SentEmail of(EmailAddress from, Email email) {
        return new SentEmail(from, email, email.messageId(from.asciiDomain()));
    }
}
