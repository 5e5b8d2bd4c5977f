package dev.forumkit.mail.smtp;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.DummySSLSocketFactory;
import com.icegreen.greenmail.util.GreenMail;
import dev.forumkit.core.mail.Email;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.mail.MailException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only SMTP has: the wire format, log-in, TLS modes and the failures of a server that is down or silent. */
class SmtpMailerTest {
    private static final EmailAddress FROM = new EmailAddress("forum@example.org", "Forum Ünïcode");
    private static final Email MAIL = Email.plain(new EmailAddress("ann@example.org", "Ann"), "Grüße aus Köln 🚲",
            "Hello Ann.\n", "wire:1").withHtml("<p>Hello Ann.</p>").withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(TestSmtpServers.smtp());

    private static SmtpSettings settings(int port, TlsMode tls) {
        return new SmtpSettings("127.0.0.1", port, tls, null, null, FROM, Duration.ofSeconds(10));
    }

    @Test
    void sendsMultipartAlternativeInUtf8WithEncodedHeaders() throws Exception {
        SmtpMailer.create(settings(SERVER.getSmtp().getPort(), TlsMode.NONE)).send(MAIL);

        MimeMessage message = SERVER.getReceivedMessages()[0];
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat(message.getHeader("Subject", null)).startsWith("=?UTF-8?");
        assertThat(message.getHeader("From", null)).startsWith("=?UTF-8?").endsWith("<forum@example.org>");
        assertThat(message.getHeader("Date", null)).isNotBlank();
        assertThat(message.getHeader("MIME-Version", null)).isEqualTo("1.0");
        assertThat(message.getMessageID()).isEqualTo(MAIL.messageId("example.org"));
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        assertThat(raw.toString(StandardCharsets.US_ASCII).split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998))
                .allSatisfy(line -> assertThat(line.chars().allMatch(c -> c < 128)).as("7-bit: " + line).isTrue());
    }

    @Test
    void logsInWithUserAndPassword() {
        SERVER.setUser("forum@example.org", "forum", "secret");

        SmtpMailer.create(settings(SERVER.getSmtp().getPort(), TlsMode.NONE).withLogin("forum", "secret")).send(MAIL);

        assertThat(SERVER.getReceivedMessages()).hasSize(1);
    }

    @Test
    void saysSoWhenTheServerRefusesTheLogIn() {
        SERVER.setUser("forum@example.org", "forum", "secret");
        SmtpMailer mailer = SmtpMailer.create(settings(SERVER.getSmtp().getPort(), TlsMode.NONE).withLogin("forum", "wrong"));

        assertThatThrownBy(() -> mailer.send(MAIL)).isInstanceOfSatisfying(MailException.class, e -> {
            assertThat(e.getMessage()).contains("127.0.0.1:" + SERVER.getSmtp().getPort()).contains("refused the log-in of user forum")
                    .doesNotContain("wrong");
            assertThat(e.permanent()).isFalse();
        });
        assertThat(SERVER.getReceivedMessages()).isEmpty();
    }

    @Test
    void neverFallsBackToPlainTextWhenStarttlsIsMissing() {
        SmtpMailer mailer = SmtpMailer.create(settings(SERVER.getSmtp().getPort(), TlsMode.STARTTLS));

        assertThatThrownBy(() -> mailer.send(MAIL)).isInstanceOf(MailException.class).hasMessageContaining("STARTTLS");
        assertThat(SERVER.getReceivedMessages()).isEmpty();
    }

    @Test
    void sendsOverImplicitTls() {
        GreenMail smtps = new GreenMail(TestSmtpServers.smtps());
        smtps.start();
        try {
            SmtpSettings tls = settings(smtps.getSmtps().getPort(), TlsMode.TLS);
            // GreenMail's certificate is self-signed: with the JVM's trust store the handshake must fail
            assertThatThrownBy(() -> SmtpMailer.create(tls).send(MAIL)).isInstanceOf(MailException.class)
                    .hasMessageContaining("TLS with the SMTP server 127.0.0.1:" + tls.port() + " (tls) failed");
            assertThat(smtps.getReceivedMessages()).isEmpty();

            SmtpMailer.create(tls, new DummySSLSocketFactory()).send(MAIL);

            assertThat(Arrays.stream(smtps.getReceivedMessages()).map(Received::of).toList())
                    .singleElement().satisfies(m -> assertThat(m.subject()).isEqualTo("Grüße aus Köln 🚲"));
        } finally {
            smtps.stop();
        }
    }

    @Test
    void saysSoWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SmtpMailer mailer = SmtpMailer.create(settings(port, TlsMode.NONE));

        assertThatThrownBy(() -> mailer.send(MAIL)).isInstanceOfSatisfying(MailException.class, e -> {
            assertThat(e.getMessage()).contains("could not connect to the SMTP server 127.0.0.1:" + port);
            assertThat(e.permanent()).isFalse();
        });
    }

    @Test
    @Timeout(60) // a guard against hanging for ever, not a measurement
    void givesUpOnASilentServerAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { // accepts, never greets
            SmtpMailer mailer = SmtpMailer.create(settings(silent.getLocalPort(), TlsMode.NONE).withTimeout(Duration.ofMillis(300)));

            assertThatThrownBy(() -> mailer.send(MAIL)).isInstanceOfSatisfying(MailException.class, e -> {
                assertThat(e.getMessage()).contains("no answer from the SMTP server 127.0.0.1:" + silent.getLocalPort())
                        .contains("within 300 ms");
                assertThat(e.permanent()).isFalse();
            });
        }
    }
}
