package dev.forumkit.app;

import dev.forumkit.core.warning.WarningThreshold;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarningThresholdsSettingTest {
    @Test
    void pairsOfPointsAndDurationsInAnyOrderOrNone() {
        assertThat(WarningThresholdsSetting.parse(" 20:30d, 10:7d ")).containsExactly(
                new WarningThreshold(20, Duration.ofDays(30)), new WarningThreshold(10, Duration.ofDays(7)));
        assertThat(WarningThresholdsSetting.parse("5:PT12H")).containsExactly(new WarningThreshold(5, Duration.ofHours(12)));
        assertThat(WarningThresholdsSetting.parse("none")).isEmpty();
    }

    @Test
    void badValuesNameTheSettingAndTheExpectedForm() {
        for (String bad : new String[]{"10", "x:7d", "0:7d", "10:7d,10:1d", "10:soon", "10:0s"}) {
            assertThatThrownBy(() -> WarningThresholdsSetting.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warning.thresholds");
        }
    }

    @Test
    void theSettingReachesTheSettingsAndDefaultsToTheForumsDefaults() {
        Properties system = new Properties();
        assertThat(Settings.load(system, Map.of()).warningThresholds()).isEqualTo(WarningThreshold.DEFAULTS);
        system.setProperty("forumkit.warning.thresholds", "3:1d");
        assertThat(Settings.load(system, Map.of()).warningThresholds())
                .containsExactly(new WarningThreshold(3, Duration.ofDays(1)));
    }
}
