package dev.forumkit.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRetentionSettingTest {
    private static Duration retention(String value) {
        return Settings.load(new Properties(), Map.of("FORUMKIT_EVENT_RETENTION", value)).eventRetention();
    }

    @Test
    void seven_days_unless_set() {
        assertThat(Settings.load(new Properties(), Map.of()).eventRetention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void short_forms_and_iso_durations_are_understood() {
        assertThat(retention("14d")).isEqualTo(Duration.ofDays(14));
        assertThat(retention("36h")).isEqualTo(Duration.ofHours(36));
        assertThat(retention("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(retention("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(retention(" 3 D ")).isEqualTo(Duration.ofDays(3));
        assertThat(retention("P2DT12H")).isEqualTo(Duration.ofHours(60));
        assertThat(retention("pt30m")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void nonsense_zero_and_negative_durations_are_refused_with_the_settings_name() {
        for (String bad : new String[]{"7", "a week", "0d", "PT0S", "-P1D", "P-1D", "7w", "P"}) {
            assertThatThrownBy(() -> retention(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("event.retention").hasMessageContaining(bad);
        }
    }
}
