package dev.forumkit.core.mail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingMailerTest {
    private final Logger logger = Logger.getLogger(LoggingMailer.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    @Test
    void logsEverythingAReaderNeedsInsteadOfSending() {
        Email mail = Email.plain(new EmailAddress("ann@example.org", "Ann"), "Reset your password",
                "Open this link:\nhttps://forum.example.org/reset/abc\n", "reset:1")
                .withHeader("List-Unsubscribe", "<https://forum.example.org/unsubscribe/x>").withHtml("<p>link</p>");

        new LoggingMailer(EmailAddress.parse("Forum <forum@example.org>")).send(mail);

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.INFO);
            assertThat(r.getMessage()).contains("not sent").contains("Message-ID: " + mail.messageId("example.org"))
                    .contains("From: Forum <forum@example.org>").contains("To: Ann <ann@example.org>")
                    .contains("Subject: Reset your password")
                    .contains("List-Unsubscribe: <https://forum.example.org/unsubscribe/x>")
                    .contains("  | https://forum.example.org/reset/abc").contains("HTML version");
        });
    }

    @Test
    void indentsEveryBodyLineSoNoneCanPassForALogLine() {
        new LoggingMailer(EmailAddress.of("forum@example.org")).send(Email.plain(EmailAddress.of("ann@example.org"),
                "Hi", "one\r\n2026-12-06 10:00:00 INFO admin signed in\rthree", "k"));

        String[] lines = records.get(0).getMessage().split("\n");
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(List.of(lines).subList(1, lines.length)).allSatisfy(line -> assertThat(line).startsWith("  |"));
    }
}
