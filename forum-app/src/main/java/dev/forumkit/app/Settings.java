package dev.forumkit.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The app's settings. Each key (say {@code data.dir}) is looked up as the system property {@code forumkit.data.dir},
 * then the environment variable {@code FORUMKIT_DATA_DIR}, then the line {@code data.dir=} of the properties file
 * ({@code FORUMKIT_CONFIG}, else {@code ./forumkit.properties} if present), then the default.
 */
public record Settings(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
                       String publicUrl, String adminUsername, String adminEmail, String adminPassword,
                       boolean secureCookies, boolean rateLimits, boolean benchRoutes, boolean guestCache,
                       Admission admission) {

    /**
     * Admission control: requests worked on at once ({@code max.concurrent.requests}, 0 turns it off), how many more
     * may wait ({@code max.queued.requests}) and for how long ({@code queue.timeout.ms}); the rest get 503 at once.
     */
    public record Admission(int maxConcurrentRequests, int maxQueuedRequests, Duration queueTimeout) {
        public static final Admission DEFAULT = new Admission(64, 128, Duration.ofSeconds(1));

        public Admission {
            if (maxConcurrentRequests < 0 || maxQueuedRequests < 0 || queueTimeout.isNegative()) {
                throw new IllegalArgumentException("admission settings must not be negative");
            }
        }

        public boolean on() {
            return maxConcurrentRequests > 0;
        }
    }

    /** Settings with the default admission control. */
    public Settings(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
                    String publicUrl, String adminUsername, String adminEmail, String adminPassword,
                    boolean secureCookies, boolean rateLimits, boolean benchRoutes, boolean guestCache) {
        this(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, publicUrl, adminUsername, adminEmail, adminPassword,
                secureCookies, rateLimits, benchRoutes, guestCache, Admission.DEFAULT);
    }

    @Override
    public String toString() {
        return "Settings[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", jdbcUrl=" + jdbcUrl
                + ", publicUrl=" + publicUrl + ", adminUsername=" + adminUsername + ", secureCookies=" + secureCookies
                + ", rateLimits=" + rateLimits + ", benchRoutes=" + benchRoutes + ", guestCache=" + guestCache
                + ", admission=" + admission + "]";
    }

    /** Settings from this process's system properties and environment. */
    public static Settings load() {
        return load(System.getProperties(), System.getenv());
    }

    static Settings load(Properties system, Map<String, String> env) {
        Properties file = file(system, env);
        Lookup l = new Lookup(system, env, file);
        int port = l.integer("port", 8080);
        String publicUrl = l.get("public.url").orElse(null);
        return new Settings(
                l.get("host").orElse("0.0.0.0"),
                port,
                Path.of(l.get("data.dir").orElse("data")).toAbsolutePath().normalize(),
                l.get("jdbc.url").orElse(null),
                l.get("jdbc.user").orElse(null),
                l.get("jdbc.password").orElse(null),
                publicUrl == null ? null : publicUrl.replaceAll("/+$", ""),
                l.get("admin.username").orElse(null),
                l.get("admin.email").orElse(null),
                l.get("admin.password").orElse(null),
                l.get("secure.cookies").map(Boolean::parseBoolean).orElse(publicUrl != null && publicUrl.startsWith("https:")),
                l.get("rate.limits").map(Boolean::parseBoolean).orElse(true),
                l.get("bench.routes").map(Boolean::parseBoolean).orElse(false),
                l.get("guest.cache").map(Boolean::parseBoolean).orElse(l.get("jdbc.url").isEmpty()),
                new Admission(l.count("max.concurrent.requests", Admission.DEFAULT.maxConcurrentRequests()),
                        l.count("max.queued.requests", Admission.DEFAULT.maxQueuedRequests()),
                        Duration.ofMillis(l.count("queue.timeout.ms", (int) Admission.DEFAULT.queueTimeout().toMillis()))));
    }

    /** Where people open the forum: the public URL if set, else this machine on the port. */
    public String baseUrl(int actualPort) {
        return publicUrl != null ? publicUrl : "http://localhost:" + actualPort;
    }

    private static Properties file(Properties system, Map<String, String> env) {
        String explicit = system.getProperty("forumkit.config", env.get("FORUMKIT_CONFIG"));
        Path path = Path.of(explicit != null ? explicit : "forumkit.properties");
        Properties p = new Properties();
        if (explicit == null && !Files.exists(path)) {
            return p;
        }
        try (InputStream in = Files.newInputStream(path)) {
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read settings file " + path, e);
        }
    }

    private record Lookup(Properties system, Map<String, String> env, Properties file) {
        Optional<String> get(String key) {
            String v = system.getProperty("forumkit." + key);
            if (v == null) {
                v = env.get("FORUMKIT_" + key.toUpperCase(Locale.ROOT).replace('.', '_'));
            }
            if (v == null) {
                v = file.getProperty(key);
            }
            return Optional.ofNullable(v).map(String::strip).filter(s -> !s.isEmpty());
        }

        int count(String key, int fallback) {
            String v = get(key).orElse(null);
            if (v == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting " + key + " must be a whole number of 0 or more, not " + v);
            }
        }

        int integer(String key, int fallback) {
            String v = get(key).orElse(null);
            if (v == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < 0 || n > 65535) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting " + key + " must be a port number 0-65535, not " + v);
            }
        }
    }
}
