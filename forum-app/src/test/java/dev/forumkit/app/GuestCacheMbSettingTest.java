package dev.forumkit.app;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code guest.cache.mb}: the guest page cache's budget. */
class GuestCacheMbSettingTest {
    private static Properties property(String value) {
        Properties p = new Properties();
        p.setProperty("forumkit.guest.cache.mb", value);
        return p;
    }

    @Test
    void one_hundred_twenty_eight_unless_set() {
        assertThat(Settings.guestCacheMb(new Properties(), Map.of())).isEqualTo(192);
    }

    @Test
    void the_system_property_and_the_environment_set_it() {
        assertThat(Settings.guestCacheMb(property("256"), Map.of())).isEqualTo(256);
        assertThat(Settings.guestCacheMb(new Properties(), Map.of("FORUMKIT_GUEST_CACHE_MB", "64"))).isEqualTo(64);
    }

    @Test
    void zero_or_words_stop_the_start() {
        assertThatThrownBy(() -> Settings.guestCacheMb(property("0"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guest.cache=false");
        assertThatThrownBy(() -> Settings.guestCacheMb(property("lots"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guest.cache.mb");
    }
}
