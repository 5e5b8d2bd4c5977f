package dev.forumkit.app;

import dev.forumkit.core.Forum;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.web.ForumPlugin;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The running app: storage, forum, and a Javalin server with the forum plugin, {@code /health} and {@code /ready}
 * (see Probes), the first-start set-up page and an access log. {@link #stop()} stops taking requests, lets those in flight finish, then closes
 * the forum and the storage (and with it the connection pool).
 */
public final class ForumServer implements AutoCloseable {
    /**
     * Content types Javalin compresses without scanning them for its excluded types (image/, application/zip, ...):
     * those of the forum's JSON and HTML responses, none of which contains an excluded type, and Javalin's own
     * image/svg+xml. A response of another type is still compressed unless excluded, after the scan.
     */
    static final java.util.List<String> COMPRESSED_TYPES = java.util.List.of("image/svg+xml",
            "application/json;charset=utf-8", "application/json", "text/html", "text/html;charset=utf-8");
    private static final Logger LOG = LoggerFactory.getLogger(ForumServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("forumkit.access");
    private static final long STOP_TIMEOUT_MILLIS = 10_000;
    private final Settings settings;
    private final ForumStorage storage;
    private final Forum forum;
    private final FirstStart firstStart;
    private final Javalin app;
    private final MetricsSettings metricsSettings;
    private final MetricsEndpoint metrics;
    private ForumPlugin plugin;
    private int metricsPort = -1;
    private volatile boolean stopped;
    private volatile Runnable afterStop = () -> { };

    public ForumServer(Settings settings, ForumStorage storage, Forum forum) {
        this(settings, storage, forum, LiveSettings.DEFAULT, MetricsSettings.OFF);
    }

    /** With the live-update and metrics settings ({@code live.*}, {@code metrics*}). */
    ForumServer(Settings settings, ForumStorage storage, Forum forum, LiveSettings live, MetricsSettings metricsSettings) {
        this(settings, storage, forum, live, metricsSettings, NodeSettings.DEFAULT);
    }

    /** With the settings for nodes behind a load balancer ({@code trusted.proxies}, {@code replica.*}). */
    ForumServer(Settings settings, ForumStorage storage, Forum forum, LiveSettings live, MetricsSettings metricsSettings,
                NodeSettings nodes) {
        this.settings = settings;
        this.metricsSettings = metricsSettings;
        this.storage = storage;
        this.forum = forum;
        this.firstStart = new FirstStart(forum);
        GuestPageCache guestCache = settings.guestCache() ? new GuestPageCache("forumkit_session",
                (long) Settings.guestCacheMb() << 20, forum.signals()) : null;
        if (guestCache != null) {
            forum.subscribe(guestCache::on);
        }
        this.metrics = metricsSettings.on()
                ? new MetricsEndpoint(new Metrics(storage, forum, guestCache, () -> plugin.live()), metricsSettings) : null;
        this.app = Javalin.create(config -> {
            IndexedRouter.install(config); // first: every route below goes into it
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                server.insertHandler(new GracefulHandler()); // in-flight requests finish on stop
            });
            // Javalin copies every response through a new buffer of this size (32 KiB by default, Jetty's output
            // buffer size): that was three quarters of what a trivial request allocated, and a page copies in 8 KiB
            // pieces into Jetty's own buffer just as well (docs/performance.md)
            config.http.responseBufferSize = 8 * 1024;
            // gzip at the fastest level, not Javalin's default 6: on a thread page (17 KB of JSON) level 6 costs about
            // eight times the CPU of level 1 (0.59 against 0.08 ms, a third of what the page itself costs to make)
            // for 0.3 KB less on the wire (docs/performance.md, "Guest page cache")
            var compression = new io.javalin.compression.CompressionStrategy(null,
                    new io.javalin.compression.Gzip(java.util.zip.Deflater.BEST_SPEED));
            // Javalin asks of every response body whether its content type contains one of ten excluded types
            // (image/, application/zip, ...), ignoring case, character by character: 8-9 % of the CPU of a guest page
            // cache hit (JFR, docs/performance.md, task hitcost). A type on the allowed list is compressed without
            // that scan; these contain none of the excluded ones, so which responses are compressed is unchanged
            compression.setAllowedMimeTypes(COMPRESSED_TYPES);
            config.http.compressionStrategy = compression;
            if (metrics != null || ACCESS.isInfoEnabled()) {
                config.requestLogger.http(this::logAccess);
            }
            this.plugin = new ForumPlugin(forumConfig -> forumConfig
                    .forum(forum)
                    .sessions(s -> s.secureCookies(settings.secureCookies()))
                    .limits(l -> {
                        if (!settings.rateLimits()) {
                            l.noRateLimits();
                        }
                    })
                    .admission(a -> {
                        Settings.Admission admission = settings.admission();
                        if (admission.on()) {
                            a.maxConcurrentRequests(admission.maxConcurrentRequests())
                                    .maxQueuedRequests(admission.maxQueuedRequests())
                                    .queueTimeout(admission.queueTimeout())
                                    .exempt("/health").exempt("/ready").exempt("/metrics");
                        } else {
                            a.off();
                        }
                    })
                    .security(s -> {
                        s.headersEverywhere(true);
                        s.trustedProxies(nodes.trustedProxies());
                        if (settings.publicUrl() != null) {
                            s.allowedOrigin(settings.publicUrl());
                        }
                    })
                    .live(live::apply)
                    .publicUrl(settings.publicUrl()) // null: feeds and sitemaps use the request's address
                    .defaultLocale(Settings.locale()));
            config.registerPlugin(plugin);
            if (nodes.replica()) {
                dev.forumkit.web.ReplicaRouting.install(config, nodes.replicaStickiness());
            }
            if (guestCache != null) {
                config.routes.before(guestCache::before);
                config.routes.after(guestCache::after);
            }
            Probes probes = new Probes(storage);
            config.routes.get("/health", probes::health);
            config.routes.get("/ready", probes::ready);
            if (settings.benchRoutes()) {
                config.routes.get("/bench/ping", ctx -> ctx.result("pong")); // the machine's ceiling, no database work
                if (storage instanceof dev.forumkit.persistence.jdbi.JdbiForumStorage jdbi) { // H2 commits per row
                    config.routes.get("/bench/commits", ctx -> ctx.result(Long.toString(jdbi.durableCommits())));
                }
                if (guestCache != null) { // hits and misses of a benchmark row, read before and after it
                    config.routes.get("/bench/guest-cache", ctx -> ctx.result(guestCache.stats()));
                }
            }
            if (metrics != null && metricsSettings.port() == 0) {
                config.routes.get("/metrics", metrics::handle);
            }
            firstStart.routes(config.routes);
        });
    }

    /** Starts listening; returns the port (useful when the settings asked for port 0). */
    public int start() {
        app.start(settings.host(), settings.port());
        if (metrics != null && metricsSettings.port() != 0) {
            try {
                metricsPort = metrics.start(settings.host());
            } catch (java.io.IOException e) {
                app.stop();
                throw new java.io.UncheckedIOException("cannot serve metrics on port " + metricsSettings.port(), e);
            }
        }
        return app.port();
    }

    /** Where {@code /metrics} is served: this port, the server's own, or -1 when metrics are off. */
    int metricsPort() {
        return metrics == null ? -1 : metricsSettings.port() == 0 ? app.port() : metricsPort;
    }

    /** Makes the first admin from the settings when they name one and the forum has none. */
    public void adminFromSettings() {
        firstStart.adminFromSettings(settings);
    }

    /** A one-time link to create the first admin while there is none; null otherwise. */
    public String setupLink(int port) {
        return firstStart.setupLink(settings.baseUrl(port));
    }

    private void logAccess(Context ctx, Float millis) {
        if (metrics != null) {
            metrics.metrics().request(ctx, millis);
        }
        if (!ACCESS.isInfoEnabled()) {
            return; // access log off: not even the formatting of the line (a String.format on every request)
        }
        ACCESS.info("{} {} {} {} {}ms", ctx.req().getRemoteAddr(), ctx.method().name(), ctx.path(), ctx.statusCode(),
                String.format(java.util.Locale.ROOT, "%.1f", millis));
    }

    /** Runs {@code action} once {@link #stop()} has closed the storage without an error. */
    public void afterStop(Runnable action) {
        this.afterStop = action;
    }

    /** Graceful stop: no new requests, in-flight ones finish (up to 10 s), then forum and storage close. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        LOG.info("stopping: finishing requests in flight");
        try {
            app.stop();
        } finally {
            if (metrics != null) {
                metrics.close();
            }
            forum.close();
            storage.close();
            afterStop.run();
            LOG.info("stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }
}
