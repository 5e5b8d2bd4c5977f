package dev.forumkit.core.internal;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.mail.Email;
import dev.forumkit.core.mail.MailException;
import dev.forumkit.core.mail.Mailer;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one e-mail for the outbox's mail consumer. An e-mail that can never go out (an address the mail system
 * cannot take, such as a non-ASCII local part; a recipient the server refuses for good) is logged and dropped: failing
 * would hold the consumer at that event for ever and stop every later e-mail. A failure that may heal (server down,
 * timeout) is thrown, so the outbox retries the event with backoff.
 */
public final class MailOut {
    private static final Logger LOG = Logger.getLogger(MailOut.class.getName());

    private MailOut() {
    }

    /** Answers whether the e-mail was handed over. */
    public static boolean send(Mailer mailer, Supplier<Email> email, String what) {
        Email built;
        try {
            built = email.get();
        } catch (InvalidInputException e) {
            LOG.log(Level.WARNING, "not sending {0}: {1}", new Object[] {what, e.getMessage()});
            return false;
        }
        try {
            mailer.send(built);
            return true;
        } catch (MailException e) {
            if (!e.permanent()) {
                throw e;
            }
            LOG.log(Level.WARNING, "dropping {0}: the mail server refuses it for good: {1}", new Object[] {what, e.getMessage()});
            return false;
        }
    }
}
