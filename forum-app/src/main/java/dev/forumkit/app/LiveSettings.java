package dev.forumkit.app;

import dev.forumkit.web.LiveConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Live updates (Server-Sent Events): {@code live.updates} ({@code true}, the default; {@code false} serves no stream),
 * {@code live.max.connections} (open streams per node, default 1,000; 0 serves none), {@code live.heartbeat} (default {@code 20s})
 * and {@code live.idle.timeout} (a stream with no event for this long is closed, default {@code 30m}). Looked up like
 * every setting.
 */
record LiveSettings(boolean on, int maxConnections, Duration heartbeat, Duration idleTimeout) {
    static final LiveSettings DEFAULT = new LiveSettings(true, 1_000, Duration.ofSeconds(20), Duration.ofMinutes(30));

    static LiveSettings load() {
        return load(System.getProperties(), System.getenv());
    }

    static LiveSettings load(Properties system, Map<String, String> env) {
        Settings.Lookup l = new Settings.Lookup(system, env, Settings.file(system, env));
        return new LiveSettings(l.get("live.updates").map(Boolean::parseBoolean).orElse(true),
                l.count("live.max.connections", DEFAULT.maxConnections()),
                l.get("live.heartbeat").map(v -> DurationSetting.parse("live.heartbeat", v)).orElse(DEFAULT.heartbeat()),
                l.get("live.idle.timeout").map(v -> DurationSetting.parse("live.idle.timeout", v)).orElse(DEFAULT.idleTimeout()));
    }

    void apply(LiveConfig config) {
        if (!on || maxConnections == 0) {
            config.off();
            return;
        }
        config.maxConnections(maxConnections).heartbeat(heartbeat).idleTimeout(idleTimeout);
    }
}
