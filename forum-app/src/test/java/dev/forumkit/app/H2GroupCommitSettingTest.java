package dev.forumkit.app;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code h2.groupCommit}: the system property the bench has always used keeps working, now as an app setting. */
class H2GroupCommitSettingTest {
    private static Properties property(String value) {
        Properties p = new Properties();
        p.setProperty("forumkit.h2.groupCommit", value);
        return p;
    }

    @Test
    void on_unless_set() {
        assertThat(Settings.h2GroupCommit(new Properties(), Map.of())).isTrue();
    }

    @Test
    void the_system_property_and_the_environment_turn_it_off() {
        assertThat(Settings.h2GroupCommit(property("off"), Map.of())).isFalse();
        assertThat(Settings.h2GroupCommit(property(" OFF "), Map.of())).isFalse();
        assertThat(Settings.h2GroupCommit(new Properties(), Map.of("FORUMKIT_H2_GROUPCOMMIT", "off"))).isFalse();
        assertThat(Settings.h2GroupCommit(property("on"), Map.of("FORUMKIT_H2_GROUPCOMMIT", "off"))).isTrue();
    }

    @Test
    void anything_else_stops_the_start_with_the_choices() {
        assertThatThrownBy(() -> Settings.h2GroupCommit(property("false"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("on or off");
    }
}
