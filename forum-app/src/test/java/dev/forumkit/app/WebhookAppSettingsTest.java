package dev.forumkit.app;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookAppSettingsTest {
    @Test
    void private_addresses_are_refused_unless_the_setting_allows_them() {
        assertThat(WebhookAppSettings.load(new Properties(), Map.of()).allowPrivateAddresses()).isFalse();
        assertThat(WebhookAppSettings.load(new Properties(), Map.of("FORUMKIT_WEBHOOKS_PRIVATE_ADDRESSES", "true"))
                .allowPrivateAddresses()).isTrue();
        Properties system = new Properties();
        system.setProperty("forumkit.webhooks.private.addresses", "FALSE");
        assertThat(WebhookAppSettings.load(system, Map.of("FORUMKIT_WEBHOOKS_PRIVATE_ADDRESSES", "true"))
                .allowPrivateAddresses()).as("the system property wins").isFalse();
    }

    @Test
    void anything_but_true_or_false_stops_the_start() {
        assertThatThrownBy(() -> WebhookAppSettings.load(new Properties(),
                Map.of("FORUMKIT_WEBHOOKS_PRIVATE_ADDRESSES", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhooks.private.addresses must be true or false, not yes");
    }
}
