package dev.forumkit.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    @Test
    void defaults_serve_port_8080_with_data_under_the_working_directory() {
        Settings s = Settings.load(new Properties(), Map.of());
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(s.jdbcUrl()).isNull();
        assertThat(s.secureCookies()).isFalse();
    }

    @Test
    void system_properties_beat_environment_which_beats_the_file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("forumkit.properties");
        Files.writeString(file, "port=7000\ndata.dir=/srv/from-file\npublic.url=https://forum.example.org/\njdbc.user=file\n");
        Properties sys = new Properties();
        sys.setProperty("forumkit.config", file.toString());
        sys.setProperty("forumkit.port", "9000");
        Settings s = Settings.load(sys, Map.of("FORUMKIT_PORT", "8000", "FORUMKIT_DATA_DIR", "/srv/from-env"));
        assertThat(s.port()).isEqualTo(9000);
        assertThat(s.dataDir()).isEqualTo(Path.of("/srv/from-env"));
        assertThat(s.jdbcUser()).isEqualTo("file");
        assertThat(s.publicUrl()).isEqualTo("https://forum.example.org");
        assertThat(s.secureCookies()).as("an https public URL means secure cookies").isTrue();
    }

    @Test
    void a_bad_port_is_refused_and_passwords_stay_out_of_to_string() {
        assertThatThrownBy(() -> Settings.load(new Properties(), Map.of("FORUMKIT_PORT", "http"))).hasMessageContaining("port");
        Settings s = Settings.load(new Properties(), Map.of("FORUMKIT_JDBC_PASSWORD", "s3cret", "FORUMKIT_ADMIN_PASSWORD", "adm1n"));
        assertThat(s.toString()).doesNotContain("s3cret", "adm1n");
    }

    @Test
    void admission_control_is_on_by_default_and_can_be_tuned_or_turned_off() {
        Settings.Admission d = Settings.load(new Properties(), Map.of()).admission();
        assertThat(d).isEqualTo(Settings.Admission.DEFAULT);
        assertThat(d.on()).isTrue();
        Settings.Admission tuned = Settings.load(new Properties(), Map.of("FORUMKIT_MAX_CONCURRENT_REQUESTS", "16",
                "FORUMKIT_MAX_QUEUED_REQUESTS", "0", "FORUMKIT_QUEUE_TIMEOUT_MS", "250")).admission();
        assertThat(tuned).isEqualTo(new Settings.Admission(16, 0, java.time.Duration.ofMillis(250)));
        assertThat(Settings.load(new Properties(), Map.of("FORUMKIT_MAX_CONCURRENT_REQUESTS", "0")).admission().on()).isFalse();
        assertThatThrownBy(() -> Settings.load(new Properties(), Map.of("FORUMKIT_QUEUE_TIMEOUT_MS", "-1")))
                .hasMessageContaining("queue.timeout.ms");
    }

    @Test
    void without_an_smtp_host_e_mails_are_logged_from_the_public_urls_host() {
        Settings.Mail none = Settings.load(new Properties(), Map.of()).mail();
        assertThat(none.smtp()).isNull();
        assertThat(none.from().address()).isEqualTo("forum@localhost");
        Settings.Mail withUrl = Settings.load(new Properties(), Map.of("FORUMKIT_PUBLIC_URL", "https://forum.example.org/")).mail();
        assertThat(withUrl.from().address()).isEqualTo("noreply@forum.example.org");
        assertThat(withUrl.smtp()).isNull();
    }

    @Test
    void smtp_settings_take_the_modes_port_and_keep_the_password_out_of_to_string() {
        Settings s = Settings.load(new Properties(), Map.of("FORUMKIT_SMTP_HOST", "smtp.example.org",
                "FORUMKIT_SMTP_USER", "forum", "FORUMKIT_SMTP_PASSWORD", "m4il-s3cret",
                "FORUMKIT_MAIL_FROM", "Cycling Forum <forum@example.org>"));
        assertThat(s.mail().smtp()).isEqualTo(new dev.forumkit.mail.smtp.SmtpSettings("smtp.example.org", 587,
                dev.forumkit.mail.smtp.TlsMode.STARTTLS, "forum", "m4il-s3cret",
                new dev.forumkit.core.mail.EmailAddress("forum@example.org", "Cycling Forum"), java.time.Duration.ofSeconds(10)));
        assertThat(s.toString()).doesNotContain("m4il-s3cret").contains("smtp.example.org:587");
        Settings tls = Settings.load(new Properties(), Map.of("FORUMKIT_SMTP_HOST", "smtp.example.org",
                "FORUMKIT_SMTP_TLS", "TLS", "FORUMKIT_MAIL_FROM", "forum@example.org", "FORUMKIT_SMTP_TIMEOUT_MS", "2500"));
        assertThat(tls.mail().smtp().port()).isEqualTo(465);
        assertThat(tls.mail().smtp().timeout()).isEqualTo(java.time.Duration.ofMillis(2500));
        assertThat(Settings.load(new Properties(), Map.of("FORUMKIT_SMTP_HOST", "mail", "FORUMKIT_SMTP_TLS", "none",
                "FORUMKIT_SMTP_PORT", "2525", "FORUMKIT_PUBLIC_URL", "https://forum.example.org")).mail().smtp())
                .satisfies(smtp -> {
                    assertThat(smtp.port()).isEqualTo(2525);
                    assertThat(smtp.from().address()).isEqualTo("noreply@forum.example.org");
                });
    }

    @Test
    void bad_mail_settings_are_refused_with_the_setting_named() {
        assertThatThrownBy(() -> Settings.load(new Properties(), Map.of("FORUMKIT_MAIL_FROM", "forum@exa mple.org")))
                .hasMessageContaining("mail.from");
        assertThatThrownBy(() -> Settings.load(new Properties(), Map.of("FORUMKIT_SMTP_HOST", "smtp.example.org")))
                .as("no From but localhost").hasMessageContaining("mail.from");
        assertThatThrownBy(() -> Settings.load(new Properties(), Map.of("FORUMKIT_SMTP_HOST", "smtp.example.org",
                "FORUMKIT_MAIL_FROM", "forum@example.org", "FORUMKIT_SMTP_TLS", "ssl"))).hasMessageContaining("starttls");
        assertThatThrownBy(() -> Settings.load(new Properties(), Map.of("FORUMKIT_SMTP_HOST", "smtp.example.org",
                "FORUMKIT_MAIL_FROM", "forum@example.org", "FORUMKIT_SMTP_USER", "forum"))).hasMessageContaining("password");
    }

    @Test
    void the_forums_language_is_english_by_default_japanese_on_request_and_nothing_else() {
        assertThat(Settings.locale(new Properties(), Map.of())).isEqualTo(java.util.Locale.ENGLISH);
        assertThat(Settings.locale(new Properties(), Map.of("FORUMKIT_LOCALE", "ja"))).isEqualTo(java.util.Locale.JAPANESE);
        assertThat(Settings.locale(new Properties(), Map.of("FORUMKIT_LOCALE", "ja-JP"))).isEqualTo(java.util.Locale.JAPANESE);
        assertThatThrownBy(() -> Settings.locale(new Properties(), Map.of("FORUMKIT_LOCALE", "fr")))
                .hasMessageContaining("locale must be en or ja");
    }
}
