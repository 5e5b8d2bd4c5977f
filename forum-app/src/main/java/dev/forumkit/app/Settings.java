package dev.forumkit.app;

import dev.forumkit.core.ForumException;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.verify.Verification;
import dev.forumkit.core.warning.WarningThreshold;
import dev.forumkit.mail.smtp.SmtpSettings;
import dev.forumkit.mail.smtp.TlsMode;
import dev.forumkit.persistence.jdbi.ForumSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
                       Admission admission, Mail mail, Duration eventRetention, Verification verification,
                       List<WarningThreshold> warningThresholds, String jdbcSchema) {
    /** How long delivered events stay in the outbox ({@code event.retention}) unless set. */
    public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofDays(7);

    public Settings {
        java.util.Objects.requireNonNull(eventRetention, "eventRetention");
        java.util.Objects.requireNonNull(verification, "verification");
        warningThresholds = List.copyOf(warningThresholds);
        if (jdbcSchema != null) {
            ForumSchema.named(jdbcSchema); // a bad name stops the start with the rule, before anything is opened
        }
    }

    /** Settings with the forum's tables in the database's current schema ({@code jdbc.schema} unset). */
    public Settings(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
                    String publicUrl, String adminUsername, String adminEmail, String adminPassword,
                    boolean secureCookies, boolean rateLimits, boolean benchRoutes, boolean guestCache,
                    Admission admission, Mail mail, Duration eventRetention, Verification verification,
                    List<WarningThreshold> warningThresholds) {
        this(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, publicUrl, adminUsername, adminEmail, adminPassword,
                secureCookies, rateLimits, benchRoutes, guestCache, admission, mail, eventRetention, verification,
                warningThresholds, null);
    }

    /** Where the forum's tables live ({@code jdbc.schema}): a schema of their own, or the connection's current one. */
    public ForumSchema forumSchema() {
        return jdbcSchema == null ? ForumSchema.DEFAULT : ForumSchema.named(jdbcSchema);
    }

    /** Settings with the default warning thresholds ({@code warning.thresholds}), without e-mail verification ({@code verification=off}). */
    public Settings(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
                    String publicUrl, String adminUsername, String adminEmail, String adminPassword,
                    boolean secureCookies, boolean rateLimits, boolean benchRoutes, boolean guestCache,
                    Admission admission, Mail mail, Duration eventRetention) {
        this(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, publicUrl, adminUsername, adminEmail, adminPassword,
                secureCookies, rateLimits, benchRoutes, guestCache, admission, mail, eventRetention, Verification.OFF,
                WarningThreshold.DEFAULTS);
    }

    /** Settings with the default event retention. */
    public Settings(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
                    String publicUrl, String adminUsername, String adminEmail, String adminPassword,
                    boolean secureCookies, boolean rateLimits, boolean benchRoutes, boolean guestCache,
                    Admission admission, Mail mail) {
        this(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, publicUrl, adminUsername, adminEmail, adminPassword,
                secureCookies, rateLimits, benchRoutes, guestCache, admission, mail, DEFAULT_EVENT_RETENTION);
    }

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

    /**
     * E-mail: the From mailbox ({@code mail.from}) and the SMTP server to send through ({@code smtp.*}); without
     * {@code smtp.host} there is none ({@code smtp} is null) and e-mails are logged instead of sent.
     */
    public record Mail(EmailAddress from, SmtpSettings smtp) {
        public static final Mail LOG_ONLY = new Mail(EmailAddress.of("forum@localhost"), null);

        public Mail {
            java.util.Objects.requireNonNull(from, "from");
        }

        @Override
        public String toString() {
            return smtp == null ? "log only, from " + from : "SMTP " + smtp.describe();
        }
    }

    /** Settings without an SMTP server: e-mails are logged. */
    public Settings(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
                    String publicUrl, String adminUsername, String adminEmail, String adminPassword,
                    boolean secureCookies, boolean rateLimits, boolean benchRoutes, boolean guestCache,
                    Admission admission) {
        this(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, publicUrl, adminUsername, adminEmail, adminPassword,
                secureCookies, rateLimits, benchRoutes, guestCache, admission, Mail.LOG_ONLY);
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
                + ", admission=" + admission + ", mail=" + mail + ", eventRetention=" + eventRetention
                + ", verification=" + verification + ", warningThresholds=" + warningThresholds + ", jdbcSchema=" + jdbcSchema
                + "]";
    }

    /** Settings from this process's system properties and environment. */
    /**
     * The forum's language ({@code locale}: {@code en}, the default, or {@code ja}): pages for readers whose browser
     * names no supported language, and e-mails to members who chose none.
     */
    public static Locale locale() {
        return locale(System.getProperties(), System.getenv());
    }

    static Locale locale(Properties system, Map<String, String> env) {
        String tag = new Lookup(system, env, file(system, env)).get("locale").orElse("en");
        Locale locale = Locale.forLanguageTag(tag);
        if (!locale.getLanguage().equals("en") && !locale.getLanguage().equals("ja")) {
            throw new IllegalArgumentException("setting locale must be en or ja, not " + tag);
        }
        return locale.getLanguage().equals("ja") ? Locale.JAPANESE : Locale.ENGLISH;
    }

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
                l.get("guest.cache").map(Boolean::parseBoolean).orElse(true),
                new Admission(l.count("max.concurrent.requests", Admission.DEFAULT.maxConcurrentRequests()),
                        l.count("max.queued.requests", Admission.DEFAULT.maxQueuedRequests()),
                        Duration.ofMillis(l.count("queue.timeout.ms", (int) Admission.DEFAULT.queueTimeout().toMillis()))),
                mail(l, publicUrl),
                l.get("event.retention").map(v -> DurationSetting.parse("event.retention", v)).orElse(DEFAULT_EVENT_RETENTION),
                l.get("verification").map(Settings::verification).orElse(Verification.OFF),
                l.get("warning.thresholds").map(WarningThresholdsSetting::parse).orElse(WarningThreshold.DEFAULTS),
                l.get("jdbc.schema").map(v -> v.toLowerCase(Locale.ROOT)).orElse(null));
    }

    /**
     * Group commit on the embedded H2 file ({@code h2.groupCommit}, so {@code -Dforumkit.h2.groupCommit=off} as
     * before): {@code on} (the default) or {@code off}, mapped to {@code JdbiForumStorage.groupCommit}. Read on its own
     * rather than as a field: it matters only where the H2 storage is opened.
     */
    public static boolean h2GroupCommit() {
        return h2GroupCommit(System.getProperties(), System.getenv());
    }

    static boolean h2GroupCommit(Properties system, Map<String, String> env) {
        String v = new Lookup(system, env, file(system, env)).get("h2.groupCommit").orElse("on");
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("setting h2.groupCommit must be on or off, not " + v);
        };
    }

    /**
     * The guest page cache's budget when {@code guest.cache.mb} is not set: all 40,000 JSON thread pages of the 1M-post
     * benchmark set (188 MB with their heap part), 99.9 % hits under Zipf popularity against 96 % at 128 MB; within
     * the three quarters of direct memory the cache may take at -Xmx256m (docs/performance.md, tasks missprice, zipfmiss).
     */
    static final int DEFAULT_GUEST_CACHE_MB = 192;

    /**
     * The guest page cache's budget in megabytes ({@code guest.cache.mb}, default {@value #DEFAULT_GUEST_CACHE_MB}):
     * gzip-compressed pages held outside the Java heap ({@link PageSlabs}), so raising it costs no heap. Read on its
     * own rather than as a field, as {@link #h2GroupCommit()}: only the server's start needs it.
     */
    public static int guestCacheMb() {
        return guestCacheMb(System.getProperties(), System.getenv());
    }

    static int guestCacheMb(Properties system, Map<String, String> env) {
        Lookup l = new Lookup(system, env, file(system, env));
        int mb = l.count("guest.cache.mb", DEFAULT_GUEST_CACHE_MB);
        if (mb < 1 || mb > 65_536) {
            throw new IllegalArgumentException("setting guest.cache.mb must be from 1 to 65536 (megabytes), not " + mb
                    + " (guest.cache=false turns the cache off)");
        }
        return mb;
    }

    /** {@code off} or {@code required-to-post}; anything else stops the start with the choices. */
    static Verification verification(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "off" -> Verification.OFF;
            case "required-to-post" -> Verification.REQUIRED_TO_POST;
            default -> throw new IllegalArgumentException("verification must be off or required-to-post, not " + value);
        };
    }

    private static Mail mail(Lookup l, String publicUrl) {
        EmailAddress from;
        try {
            from = l.get("mail.from").map(EmailAddress::parse).orElseGet(() -> defaultFrom(publicUrl));
        } catch (ForumException e) {
            throw new IllegalArgumentException("setting mail.from must be an address such as 'Forum <forum@example.org>': "
                    + e.getMessage(), e);
        }
        String host = l.get("smtp.host").orElse(null);
        if (host == null) {
            return new Mail(from, null);
        }
        if (from.domain().equals("localhost")) {
            throw new IllegalArgumentException("smtp.host is set: set mail.from (or public.url) too, so that e-mails do not "
                    + "come from " + from.address());
        }
        TlsMode tls = TlsMode.parse(l.get("smtp.tls").orElse("starttls"));
        int port = l.integer("smtp.port", tls.defaultPort());
        try {
            return new Mail(from, new SmtpSettings(host, port, tls, l.get("smtp.user").orElse(null),
                    l.get("smtp.password").orElse(null), from,
                    Duration.ofMillis(l.count("smtp.timeout.ms", (int) SmtpSettings.DEFAULT_TIMEOUT.toMillis()))));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SMTP settings: " + e.getMessage(), e);
        }
    }

    /** {@code noreply@} the public URL's host, else {@code forum@localhost}. */
    private static EmailAddress defaultFrom(String publicUrl) {
        try {
            String host = publicUrl == null ? null : URI.create(publicUrl).getHost();
            return host == null ? Mail.LOG_ONLY.from() : EmailAddress.of("noreply@" + host);
        } catch (ForumException | IllegalArgumentException e) { // not a URL with a host name
            return Mail.LOG_ONLY.from();
        }
    }

    /** Where people open the forum: the public URL if set, else this machine on the port. */
    public String baseUrl(int actualPort) {
        return publicUrl != null ? publicUrl : "http://localhost:" + actualPort;
    }

    static Properties file(Properties system, Map<String, String> env) {
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

    record Lookup(Properties system, Map<String, String> env, Properties file) {
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
