package dev.forumkit.app;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.forumkit.mail.smtp.TestSmtpServers;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail from the packaged jar: Angus Mail finds its SMTP provider and MIME handlers through META-INF files that the
 * shading must keep, so a real send from the jar proves they survived. The server says at start-up where mail goes.
 */
class MailJarIT {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(TestSmtpServers.smtp());

    @Test
    void theJarSendsThroughSmtp(@TempDir Path data) throws Exception {
        String out = JarProcess.command(Map.of("FORUMKIT_DATA_DIR", data.toString(),
                "FORUMKIT_SMTP_HOST", "127.0.0.1", "FORUMKIT_SMTP_PORT", Integer.toString(SMTP.getSmtp().getPort()),
                "FORUMKIT_SMTP_TLS", "none", "FORUMKIT_MAIL_FROM", "Forum Ünïcode <forum@example.org>"),
                "mail-test", "Zoë <zoe@example.org>");

        assertThat(out).contains("accepted the e-mail to zoe@example.org");
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("forumkit test e-mail");
        assertThat(received.getFrom()[0].toString()).contains("forum@example.org");
        assertThat(received.getContent()).isInstanceOf(String.class).asString().contains("e-mail settings work");
        assertThat(received.getContent()).isNotInstanceOf(Multipart.class);
    }

    @Test
    void theServerSaysWhereMailGoes(@TempDir Path data) throws Exception {
        try (JarProcess logging = JarProcess.server(Map.of("FORUMKIT_DATA_DIR", data.resolve("a").toString()))) {
            assertThat(logging.output()).contains("mail: no smtp.host set: e-mails are written to the log, not sent");
            logging.stop();
        }
        try (JarProcess smtp = JarProcess.server(Map.of("FORUMKIT_DATA_DIR", data.resolve("b").toString(),
                "FORUMKIT_SMTP_HOST", "127.0.0.1", "FORUMKIT_SMTP_PORT", Integer.toString(SMTP.getSmtp().getPort()),
                "FORUMKIT_SMTP_TLS", "none", "FORUMKIT_SMTP_USER", "forum", "FORUMKIT_SMTP_PASSWORD", "m4il-s3cret",
                "FORUMKIT_MAIL_FROM", "forum@example.org"))) {
            assertThat(smtp.output()).contains("mail: sent through SMTP 127.0.0.1:" + SMTP.getSmtp().getPort()
                    + " (none, as forum) from forum@example.org").doesNotContain("m4il-s3cret");
            smtp.stop();
        }
    }
}
