package dev.forumkit.mail.smtp;

import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.mail.MailException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Turns Jakarta Mail's exceptions into a {@link MailException} that says in words what went wrong and where. */
final class SmtpFailures {
    private final SmtpSettings settings;
    private final String server;

    SmtpFailures(SmtpSettings settings) {
        this.settings = settings;
        this.server = "the SMTP server " + settings.host() + ":" + settings.port() + " (" + settings.tls() + ")";
    }

    MailException of(MessagingException e, String messageId, EmailAddress to) {
        String prefix = "could not send e-mail " + messageId + " to " + to.asciiAddress() + ": ";
        if (e instanceof AuthenticationFailedException) {
            return new MailException(prefix + server + " refused the log-in of user " + settings.user()
                    + reply(e.getMessage()), false, e);
        }
        if (e instanceof SMTPAddressFailedException a) {
            return new MailException(prefix + server + " refused the recipient" + reply(a.getMessage()),
                    a.getReturnCode() >= 500, e);
        }
        if (e instanceof SMTPSendFailedException s) {
            return new MailException(prefix + server + " refused the e-mail" + reply(s.getMessage()),
                    s.getReturnCode() >= 500, e);
        }
        if (e instanceof SendFailedException s && s.getNextException() instanceof SMTPAddressFailedException a) {
            return new MailException(prefix + server + " refused the recipient" + reply(a.getMessage()),
                    a.getReturnCode() >= 500, e);
        }
        if (find(e, SocketTimeoutException.class) != null) {
            return new MailException(prefix + "no answer from " + server + " within " + settings.timeout().toMillis()
                    + " ms", false, e);
        }
        Throwable refused = find(e, ConnectException.class);
        if (refused != null) {
            return new MailException(prefix + "could not connect to " + server + ": " + refused.getMessage(), false, e);
        }
        if (find(e, UnknownHostException.class) != null) {
            return new MailException(prefix + "unknown SMTP host " + settings.host(), false, e);
        }
        Throwable tls = find(e, SSLException.class);
        if (tls != null) {
            return new MailException(prefix + "TLS with " + server + " failed: " + tls.getMessage(), false, e);
        }
        return new MailException(prefix + server + ": " + e.getMessage(), false, e);
    }

    private static String reply(String message) {
        return message == null || message.isBlank() ? "" : ": " + message.strip();
    }

    /** The first exception of the type in the chain of causes (Jakarta Mail links them as "next exceptions"). */
    private static Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; ) {
            if (type.isInstance(t)) {
                return t;
            }
            Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
            t = next == t ? null : next;
        }
        return null;
    }
}
