package dev.forumkit.app;

import dev.forumkit.core.verify.Verification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerificationSettingTest {
    private static Verification verification(String value) {
        return Settings.load(new Properties(), Map.of("FORUMKIT_VERIFICATION", value)).verification();
    }

    @Test
    void off_unless_set() {
        assertThat(Settings.load(new Properties(), Map.of()).verification()).isEqualTo(Verification.OFF);
    }

    @Test
    void both_values_are_understood_whatever_the_case() {
        assertThat(verification("off")).isEqualTo(Verification.OFF);
        assertThat(verification("required-to-post")).isEqualTo(Verification.REQUIRED_TO_POST);
        assertThat(verification(" Required-To-Post ")).isEqualTo(Verification.REQUIRED_TO_POST);
        Properties system = new Properties();
        system.setProperty("forumkit.verification", "required-to-post");
        assertThat(Settings.load(system, Map.of()).verification()).isEqualTo(Verification.REQUIRED_TO_POST);
    }

    @Test
    void anything_else_is_refused_with_the_choices() {
        for (String bad : new String[]{"on", "required", "true", "required_to_post"}) {
            assertThatThrownBy(() -> verification(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("verification must be off or required-to-post");
        }
    }
}
