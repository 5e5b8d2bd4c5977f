package dev.forumkit.app;

import dev.forumkit.core.webhook.WebhookSettings;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The app's webhook settings: {@code webhooks.private.addresses} ({@code false} by default) lets webhook URLs reach
 * loopback, private, link-local and CGNAT addresses - for a receiver on the same machine or network, never on a forum
 * where admins are not the operators (SSRF). Looked up like every setting.
 */
final class WebhookAppSettings {
    static final String PRIVATE_ADDRESSES = "webhooks.private.addresses";

    private WebhookAppSettings() {
    }

    static WebhookSettings load() {
        return load(System.getProperties(), System.getenv());
    }

    static WebhookSettings load(Properties system, Map<String, String> env) {
        Settings.Lookup l = new Settings.Lookup(system, env, Settings.file(system, env));
        boolean allow = l.get(PRIVATE_ADDRESSES).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("setting " + PRIVATE_ADDRESSES + " must be true or false, not " + v);
        }).orElse(false);
        return WebhookSettings.DEFAULTS.allowingPrivateAddresses(allow);
    }
}
