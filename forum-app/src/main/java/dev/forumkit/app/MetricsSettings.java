package dev.forumkit.app;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The Prometheus endpoint: {@code metrics} ({@code off}, the default, or {@code on}), {@code metrics.port} (0, the
 * default: {@code /metrics} on the server's own port; else a port of its own on the server's host, where nothing else
 * is served) and {@code metrics.token} (when set, a scrape must send {@code Authorization: Bearer <token>}; 401
 * otherwise). Looked up like every setting.
 */
record MetricsSettings(boolean on, int port, String token) {
    static final MetricsSettings OFF = new MetricsSettings(false, 0, null);

    MetricsSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("setting metrics.port must be a port (0: the server's own), not " + port);
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
    }

    static MetricsSettings load() {
        return load(System.getProperties(), System.getenv());
    }

    static MetricsSettings load(Properties system, Map<String, String> env) {
        Settings.Lookup l = new Settings.Lookup(system, env, Settings.file(system, env));
        boolean on = l.get("metrics").map(v -> switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException("setting metrics must be on or off, not " + v);
        }).orElse(false);
        return new MetricsSettings(on, l.integer("metrics.port", 0), l.get("metrics.token").orElse(null));
    }

    @Override
    public String toString() {
        return !on ? "metrics: off" : "metrics: /metrics on " + (port == 0 ? "the server's port" : "port " + port)
                + (token == null ? ", open to anyone who reaches it" : ", with a bearer token");
    }
}
