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
}
