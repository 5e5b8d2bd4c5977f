package dev.forumkit.app;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Settings for nodes behind a load balancer. {@code trusted.proxies}: comma-separated IP addresses or CIDR ranges of
 * the balancers whose {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} are believed (none by default: the
 * socket's peer is the client, and forged headers change nothing). {@code replica.jdbc.url} (with
 * {@code replica.jdbc.user}, {@code replica.jdbc.password}, defaulting to the primary's): a read replica for page
 * reads; {@code replica.max.lag} (default {@code 10s}): beyond it reads go to the primary; {@code replica.stickiness}
 * (default {@code 10s}): how long after a member's write their reads stay on the primary. Looked up like every setting.
 */
record NodeSettings(List<String> trustedProxies, String replicaUrl, String replicaUser, String replicaPassword,
                    Duration replicaMaxLag, Duration replicaStickiness) {
    static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(10);
    static final Duration DEFAULT_STICKINESS = Duration.ofSeconds(10);
    static final NodeSettings DEFAULT = new NodeSettings(List.of(), null, null, null, DEFAULT_MAX_LAG, DEFAULT_STICKINESS);

    NodeSettings {
        trustedProxies = List.copyOf(trustedProxies);
        try {
            dev.forumkit.web.internal.TrustedProxies.of(trustedProxies); // a bad entry stops the start, naming it
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting trusted.proxies: " + e.getMessage(), e);
        }
        if (replicaMaxLag.isNegative() || replicaStickiness.isNegative()) {
            throw new IllegalArgumentException("replica.max.lag and replica.stickiness must not be negative");
        }
    }

    static NodeSettings load() {
        return load(System.getProperties(), System.getenv());
    }

    static NodeSettings load(Properties system, Map<String, String> env) {
        Settings.Lookup l = new Settings.Lookup(system, env, Settings.file(system, env));
        List<String> proxies = l.get("trusted.proxies")
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        return new NodeSettings(proxies, l.get("replica.jdbc.url").orElse(null),
                    l.get("replica.jdbc.user").or(() -> l.get("jdbc.user")).orElse(null),
                    l.get("replica.jdbc.password").or(() -> l.get("jdbc.password")).orElse(null),
                    l.get("replica.max.lag").map(v -> DurationSetting.parse("replica.max.lag", v)).orElse(DEFAULT_MAX_LAG),
                    l.get("replica.stickiness").map(v -> DurationSetting.parse("replica.stickiness", v)).orElse(DEFAULT_STICKINESS));
    }

    boolean replica() {
        return replicaUrl != null;
    }

    @Override
    public String toString() {
        return "nodes: trusted proxies " + (trustedProxies.isEmpty() ? "none (X-Forwarded-* ignored)" : trustedProxies)
                + ", read replica " + (replicaUrl == null ? "none"
                : replicaUrl.replaceAll("password=[^;&]*", "password=***") + " (max lag " + replicaMaxLag.toSeconds()
                + " s, own writes read from the primary for " + replicaStickiness.toSeconds() + " s)");
    }
}
