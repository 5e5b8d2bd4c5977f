package dev.forumkit.mail.smtp;

import dev.forumkit.core.Forum;
import dev.forumkit.core.mail.Email;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.mail.Mailer;
import dev.forumkit.core.memory.InMemoryForumStorage;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpSettingsTest {
    private static final EmailAddress FROM = EmailAddress.of("forum@example.org");

    @Test
    void takesTheModesUsualPort() {
        assertThat(SmtpSettings.of("smtp.example.org", TlsMode.STARTTLS, FROM).port()).isEqualTo(587);
        assertThat(SmtpSettings.of("smtp.example.org", TlsMode.TLS, FROM).port()).isEqualTo(465);
        assertThat(SmtpSettings.of("smtp.example.org", TlsMode.NONE, FROM).port()).isEqualTo(25);
    }

    @Test
    void readsTlsModesInAnyCase() {
        assertThat(TlsMode.parse(" StartTLS ")).isEqualTo(TlsMode.STARTTLS);
        assertThat(TlsMode.parse("tls")).isEqualTo(TlsMode.TLS);
        assertThat(TlsMode.parse("none")).isEqualTo(TlsMode.NONE);
        assertThatThrownBy(() -> TlsMode.parse("ssl")).hasMessageContaining("none, starttls or tls");
    }

    @Test
    void refusesIncompleteOrImpossibleSettings() {
        SmtpSettings ok = SmtpSettings.of("smtp.example.org", TlsMode.STARTTLS, FROM);
        assertThatThrownBy(() -> ok.withLogin("forum", null)).hasMessageContaining("both an SMTP user and a password");
        assertThatThrownBy(() -> ok.withLogin(null, "secret")).hasMessageContaining("both an SMTP user and a password");
        assertThatThrownBy(() -> ok.withPort(0)).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> ok.withTimeout(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> SmtpSettings.of("smtp.example.org\r\nX", TlsMode.NONE, FROM)).hasMessageContaining("host");
        assertThatThrownBy(() -> SmtpSettings.of(" ", TlsMode.NONE, FROM)).hasMessageContaining("host");
    }

    @Test
    void neverShowsThePassword() {
        SmtpSettings s = SmtpSettings.of("smtp.example.org", TlsMode.STARTTLS, FROM).withLogin("forum", "s3cret-pw");

        assertThat(s.toString()).doesNotContain("s3cret-pw").contains("***");
        assertThat(s.describe()).doesNotContain("s3cret-pw").isEqualTo("smtp.example.org:587 (starttls, as forum) from forum@example.org");
    }

    /** The README's embedding example, word for word. */
    @Test
    void readmeExample() {
        InMemoryForumStorage storage = new InMemoryForumStorage();
        Mailer mailer = SmtpMailer.create(SmtpSettings.of("smtp.example.org", TlsMode.STARTTLS,    // module forum-mail-smtp
                EmailAddress.parse("Cycling Forum <forum@example.org>")).withLogin("forum", "secret"));
        try (Forum forum = Forum.create(storage, config -> config.mailer(mailer))) {
            assertThat(forum.mailer()).isSameAs(mailer);
            assertThat(((SmtpMailer) forum.mailer()).settings().describe())
                    .isEqualTo("smtp.example.org:587 (starttls, as forum) from Cycling Forum <forum@example.org>");
            Email welcome = Email.plain(EmailAddress.of("ann@example.org"), "Welcome", "Hello Ann!", "welcome:" + 1)
                    .withHtml("<p>Hello Ann!</p>")
                    .withHeader("List-Unsubscribe", "<https://forum.example.org/unsubscribe/abc>");
            assertThat(welcome.header("list-unsubscribe")).isEqualTo("<https://forum.example.org/unsubscribe/abc>");
        }
    }
}
