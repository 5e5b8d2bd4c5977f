package dev.forumkit.mail.smtp;

import dev.forumkit.core.mail.Email;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.mail.MailException;
import dev.forumkit.core.mail.Mailer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import javax.net.ssl.SSLSocketFactory;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends each e-mail over its own SMTP connection: plain text, or {@code multipart/alternative} with an HTML part,
 * UTF-8 throughout, the Message-ID derived from the e-mail's key. Safe for several threads (a connection is never
 * shared). Failures become a {@link MailException} that names the server and the reason.
 *
 * <pre>{@code
 * Mailer mailer = SmtpMailer.create(SmtpSettings.of("smtp.example.org", TlsMode.STARTTLS, EmailAddress.parse("Forum <forum@example.org>"))
 *         .withLogin("forum", "secret"));
 * }</pre>
 */
public final class SmtpMailer implements Mailer {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private final SmtpSettings settings;
    private final Session session;
    private final String protocol;
    private final SmtpFailures failures;

    private SmtpMailer(SmtpSettings settings, SSLSocketFactory sslSocketFactory) {
        this.settings = settings;
        this.protocol = settings.tls() == TlsMode.TLS ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(settings, protocol, sslSocketFactory));
        this.failures = new SmtpFailures(settings);
    }

    /** A mailer for these settings; it connects only when it sends. */
    public static SmtpMailer create(SmtpSettings settings) {
        return new SmtpMailer(Objects.requireNonNull(settings, "settings"), null);
    }

    /**
     * A mailer whose TLS connections are made by the given factory, whose trust manager alone then decides whether
     * the server's certificate and name are acceptable: for tests against a server with a self-signed certificate.
     */
    static SmtpMailer create(SmtpSettings settings, SSLSocketFactory sslSocketFactory) {
        return new SmtpMailer(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(sslSocketFactory));
    }

    public SmtpSettings settings() {
        return settings;
    }

    @Override
    public void send(Email email) {
        Objects.requireNonNull(email, "email");
        String messageId = email.messageId(settings.from().asciiDomain());
        MimeMessage message;
        try {
            message = compose(email, messageId);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailException("could not compose e-mail " + messageId + ": " + e.getMessage(), true, e);
        }
        Transport transport = null;
        try {
            transport = session.getTransport(protocol);
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw failures.of(e, messageId, email.to());
        } finally {
            closeQuietly(transport);
        }
    }

    private MimeMessage compose(Email email, String messageId) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // Jakarta Mail would make a random one: keep the one from the key
            }
        };
        message.setFrom(address(settings.from()));
        message.setRecipient(Message.RecipientType.TO, address(email.to()));
        message.setSubject(email.subject(), UTF_8);
        message.setSentDate(new Date());
        if (email.html() == null) {
            message.setText(email.text(), UTF_8);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), UTF_8, "html");
            message.setContent(new MimeMultipart("alternative", text, html));
        }
        for (var header : email.headers().entrySet()) {
            String value = MimeUtility.encodeText(header.getValue(), UTF_8, null); // unchanged when ASCII
            message.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2, value));
        }
        message.saveChanges();
        return message;
    }

    private static InternetAddress address(EmailAddress a) throws UnsupportedEncodingException {
        return new InternetAddress(a.asciiAddress(), a.name().isEmpty() ? null : a.name(), UTF_8);
    }

    private static Properties properties(SmtpSettings s, String protocol, SSLSocketFactory sslSocketFactory) {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        String timeout = Long.toString(s.timeout().toMillis());
        p.setProperty(prefix + "connectiontimeout", timeout);
        p.setProperty(prefix + "timeout", timeout);
        p.setProperty(prefix + "writetimeout", timeout);
        p.setProperty(prefix + "auth", Boolean.toString(s.user() != null));
        p.setProperty(prefix + "from", s.from().asciiAddress()); // the envelope sender, where bounces go
        p.setProperty(prefix + "socketFactory.fallback", "false"); // a socket factory that fails must not be swapped silently
        if (s.tls() == TlsMode.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true"); // never fall back to plain text
        }
        if (s.tls() != TlsMode.NONE) {
            p.setProperty(prefix + "ssl.checkserveridentity", Boolean.toString(sslSocketFactory == null));
            if (sslSocketFactory != null) {
                p.put(prefix + "ssl.socketFactory", sslSocketFactory);
            }
        }
        return p;
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // the message was accepted or the failure already reported; a failed QUIT changes neither
        }
    }
}
