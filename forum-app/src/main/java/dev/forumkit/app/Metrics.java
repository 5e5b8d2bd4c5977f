package dev.forumkit.app;

import dev.forumkit.core.Forum;
import dev.forumkit.core.event.OutboxStatus;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import dev.forumkit.persistence.jdbi.PoolUse;
import dev.forumkit.web.LiveStats;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The node's Micrometer registry in Prometheus form: request rate and latency histograms per route template (never the
 * raw path, which would make a series per thread) with method and status, the connection pool, the outbox lag per
 * consumer (read from storage at each scrape, not in between), the guest page cache's hits and misses, the live-update
 * streams and the JVM.
 */
final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Forum forum;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final MultiGauge outboxLag;
    private final MultiGauge outboxAge;

    Metrics(ForumStorage storage, Forum forum, GuestPageCache cache, Supplier<LiveStats> live) {
        this.forum = forum;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        if (storage instanceof JdbiForumStorage jdbi) {
            pool(jdbi, "active", PoolUse::active);
            pool(jdbi, "idle", PoolUse::idle);
            pool(jdbi, "pending", PoolUse::waiting);
            Gauge.builder("forumkit.db.pool.max", jdbi, j -> j.poolUse().map(p -> (double) p.max()).orElse(Double.NaN))
                    .description("the connection pool's size limit").register(registry);
        }
        if (cache != null) {
            FunctionCounter.builder("forumkit.guest.cache.requests", cache, GuestPageCache::hits).tag("result", "hit")
                    .description("guest page requests the cache could answer").register(registry);
            FunctionCounter.builder("forumkit.guest.cache.requests", cache, GuestPageCache::misses).tag("result", "miss")
                    .register(registry);
        }
        Gauge.builder("forumkit.live.streams", live, l -> l.get().open()).description("open live-update streams")
                .register(registry);
        counter("forumkit.live.refused", live, LiveStats::refused, "live-update streams refused (full, busy or off)");
        counter("forumkit.live.shed", live, LiveStats::shed, "live-update streams closed to shed load");
        counter("forumkit.live.events", live, LiveStats::sent, "live-update events sent");
        this.outboxLag = MultiGauge.builder("forumkit.outbox.lag").description("events a consumer has yet to handle")
                .baseUnit("events").register(registry);
        this.outboxAge = MultiGauge.builder("forumkit.outbox.oldest.age").description("age of a consumer's oldest unhandled event")
                .baseUnit("seconds").register(registry);
    }

    private void pool(JdbiForumStorage jdbi, String state, ToDoubleFunction<PoolUse> value) {
        Gauge.builder("forumkit.db.pool.connections", jdbi, j -> j.poolUse().map(value::applyAsDouble).orElse(Double.NaN))
                .tag("state", state).description("connections of the pool by state (pending: threads waiting for one)")
                .register(registry);
    }

    private void counter(String name, Supplier<LiveStats> live, Function<LiveStats, Long> value, String description) {
        FunctionCounter.builder(name, live, l -> value.apply(l.get())).description(description).register(registry);
    }

    /** One finished request, under its route's template ({@code unmatched} when no route took it). */
    void request(Context ctx, float millis) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        Timer.builder("http.server.requests").description("requests by route template, method and status")
                .tags("method", ctx.method().name(), "route", route, "status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** The Prometheus text, with the outbox figures read now. */
    String scrape() {
        try {
            OutboxStatus status = forum.outbox().status();
            outboxLag.register(status.consumers().stream()
                    .map(c -> MultiGauge.Row.of(Tags.of("consumer", c.name()), c.lag())).toList(), true);
            outboxAge.register(status.consumers().stream()
                    .map(c -> MultiGauge.Row.of(Tags.of("consumer", c.name()),
                            c.oldestUndelivered() == null ? 0 : c.oldestUndelivered().toMillis() / 1000.0)).toList(), true);
        } catch (RuntimeException storageDown) {
            outboxLag.register(List.of(), true); // no figures rather than old ones; the rest is still worth a scrape
            outboxAge.register(List.of(), true);
        }
        return registry.scrape();
    }

    String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
