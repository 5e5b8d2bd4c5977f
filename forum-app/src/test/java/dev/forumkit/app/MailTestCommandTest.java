package dev.forumkit.app;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.forumkit.mail.smtp.TestSmtpServers;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MailTestCommandTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(TestSmtpServers.smtp());

    private static Settings smtp(int port) {
        return Settings.load(new Properties(), Map.of("FORUMKIT_SMTP_HOST", "127.0.0.1", "FORUMKIT_SMTP_PORT",
                Integer.toString(port), "FORUMKIT_SMTP_TLS", "none", "FORUMKIT_MAIL_FROM", "Cycling Forum <forum@example.org>"));
    }

    @Test
    void sendsATestEMailThroughTheConfiguredServer() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = MailTestCommand.run(List.of("Ann <ann@example.org>"), smtp(SMTP.getSmtp().getPort()),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("accepted the e-mail to ann@example.org");
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("forumkit test e-mail");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Cycling Forum <forum@example.org>");
    }

    @Test
    void exitsWithOneAndTheReasonWhenTheServerIsDown() {
        int down = SMTP.getSmtp().getPort();
        SMTP.stop();
        try {
            assertThat(MailTestCommand.run(List.of("ann@example.org"), smtp(down), new PrintStream(new ByteArrayOutputStream())))
                    .isEqualTo(1);
        } finally {
            SMTP.start();
        }
    }

    @Test
    void refusesABadAddress() {
        assertThat(MailTestCommand.run(List.of("ann@@example.org"), smtp(SMTP.getSmtp().getPort()),
                new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
        assertThat(MailTestCommand.run(List.of(), smtp(SMTP.getSmtp().getPort()), new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }
}
