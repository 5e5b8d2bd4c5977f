package dev.forumkit.app;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.post.Post;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus endpoint on a real server over H2: off by default (404); on, it is Prometheus text with the request
 * histograms per route template, the pool, the outbox lag per consumer, the guest cache, live streams and the JVM;
 * with a token it answers 401 without it; on a port of its own it is not on the server's.
 */
class MetricsHttpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Settings settings() {
        return new Settings("127.0.0.1", 0, Path.of("unused"), null, null, null, null, null, null, null,
                false, true, false, true);
    }

    private static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A server over H2 in {@code dir} with one public thread; answers its base address and the thread's id. */
    private record Running(ForumServer server, String base, long thread) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }

    private static Running start(Path dir, MetricsSettings metrics) {
        JdbiForumStorage storage = JdbiForumStorage.embeddedH2(dir);
        Forum forum = Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)));
        Member admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "long enough"));
        Actor as = Actor.member(admin.id());
        var category = forum.boards().createCategory(as, "Travel", "");
        Board board = forum.boards().createBoard(as, category.id(), "Japan", "", "");
        Post first = forum.threads().start(as, board.id(), "Cherry blossom season", "When?");
        forum.outbox().drain();
        ForumServer server = new ForumServer(settings(), storage, forum, LiveSettings.DEFAULT, metrics);
        int port = server.start();
        return new Running(server, "http://127.0.0.1:" + port, first.threadId().value());
    }

    @Test
    void metrics_are_off_by_default() throws Exception {
        assertThat(MetricsSettings.load(new Properties(), Map.of())).isEqualTo(MetricsSettings.OFF);
    }

    @Test
    void off_there_is_no_metrics_route(@TempDir Path dir) throws Exception {
        try (Running r = start(dir, MetricsSettings.OFF)) {
            assertThat(get(r.base() + "/metrics").statusCode()).isEqualTo(404);
            assertThat(r.server().metricsPort()).isEqualTo(-1);
        }
    }

    @Test
    void on_it_is_prometheus_text_with_routes_pool_outbox_cache_live_and_jvm(@TempDir Path dir) throws Exception {
        try (Running r = start(dir, new MetricsSettings(true, 0, null))) {
            String thread = r.base() + "/api/v1/threads/" + r.thread();
            assertThat(get(thread).statusCode()).isEqualTo(200);
            // the set-up's own events may still empty the cache once (the outbox delivers them after commit)
            HttpResponse<String> again = get(thread);
            for (int i = 0; i < 50 && again.headers().firstValue("X-Forum-Cache").isEmpty(); i++) {
                Thread.sleep(100);
                again = get(thread);
            }
            assertThat(again.headers().firstValue("X-Forum-Cache")).contains("hit");
            assertThat(get(r.base() + "/api/v1/threads/999999").statusCode()).isEqualTo(404);
            HttpResponse<String> m = get(r.base() + "/metrics");
            assertThat(m.statusCode()).isEqualTo(200);
            assertThat(m.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(m.body())
                    .contains("http_server_requests_seconds_bucket{")
                    .contains("route=\"/api/v1/threads/{threadId}\"")
                    .contains("status=\"200\"").contains("status=\"404\"")
                    .doesNotContain("route=\"/api/v1/threads/" + r.thread() + "\"") // a template, never the raw path
                    .contains("forumkit_db_pool_connections{state=\"active\"}")
                    .contains("forumkit_db_pool_max")
                    .contains("forumkit_outbox_lag_events{consumer=\"alerts\"}")
                    .contains("forumkit_outbox_oldest_age_seconds{consumer=\"alerts\"}")
                    .containsPattern("forumkit_guest_cache_requests_total\\{result=\"hit\"} [1-9]")
                    .contains("forumkit_guest_cache_requests_total{result=\"miss\"}")
                    .contains("forumkit_live_streams ")
                    .contains("forumkit_live_refused_total")
                    .contains("jvm_memory_used_bytes").contains("jvm_threads_live_threads").contains("process_uptime_seconds");
        }
    }

    @Test
    void with_a_token_a_scrape_without_it_gets_401(@TempDir Path dir) throws Exception {
        try (Running r = start(dir, new MetricsSettings(true, 0, "s3cret"))) {
            assertThat(get(r.base() + "/metrics").statusCode()).isEqualTo(401);
            assertThat(get(r.base() + "/metrics", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
            HttpResponse<String> m = get(r.base() + "/metrics", "Authorization", "Bearer s3cret");
            assertThat(m.statusCode()).isEqualTo(200);
            assertThat(m.body()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void on_a_port_of_its_own_it_is_not_on_the_servers(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (Running r = start(dir, new MetricsSettings(true, port, "s3cret"))) {
            assertThat(r.server().metricsPort()).isEqualTo(port);
            assertThat(get(r.base() + "/metrics", "Authorization", "Bearer s3cret").statusCode()).isEqualTo(404);
            String own = "http://127.0.0.1:" + port + "/metrics";
            assertThat(get(own).statusCode()).isEqualTo(401);
            assertThat(get(own, "Authorization", "Bearer s3cret").body()).contains("http_server_requests_seconds")
                    .contains("forumkit_live_streams");
        }
    }

    @Test
    void bad_settings_stop_the_start_with_the_reason() {
        Properties p = new Properties();
        p.setProperty("forumkit.metrics", "maybe");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetricsSettings.load(p, Map.of()))
                .hasMessageContaining("metrics must be on or off");
        assertThat(MetricsSettings.load(props("forumkit.metrics", "on", "forumkit.metrics.port", "9100"), Map.of()))
                .isEqualTo(new MetricsSettings(true, 9100, null));
        assertThat(LiveSettings.load(props("forumkit.live.max.connections", "5", "forumkit.live.heartbeat", "5s"), Map.of()))
                .isEqualTo(new LiveSettings(true, 5, Duration.ofSeconds(5), Duration.ofMinutes(30)));
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }
}
