package dev.forumkit.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admission control through HTTP: a full server refuses forum requests with 503, {@code Retry-After} and a JSON (or,
 * for a browser, HTML) body at once, lets exempt paths through, and gives every slot back, also after failures and
 * asynchronous answers. Which request is in flight is controlled with latches, not timing.
 */
class AdmissionHttpTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private TestServer server;
    private String base;

    private void start(Consumer<ForumPluginConfig> admission) {
        server = TestServer.start(TestServer.inMemoryForum(), c -> admission.accept(c.admission(a -> a.exempt("/health"))),
                config -> {
                    config.routes.get("/slow", ctx -> {
                        entered.countDown();
                        release.await(60, TimeUnit.SECONDS);
                        ctx.result("done");
                    });
                    config.routes.get("/health", ctx -> ctx.result("ok"));
                });
        base = server.base;
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_full_server_refuses_at_once_with_503_and_lets_the_health_check_through() throws Exception {
        start(c -> c.admission(a -> a.maxConcurrentRequests(1).maxQueuedRequests(0).queueTimeout(Duration.ZERO)));
        CompletableFuture<HttpResponse<String>> slow = HTTP.sendAsync(get("/slow", "*/*"), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> api = HTTP.send(get("/api/v1/boards", "application/json"), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(api.body()).contains("\"code\":\"busy\"");

        HttpResponse<String> page = HTTP.send(get("/", "text/html,application/xhtml+xml"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("Back in a moment");

        assertThat(HTTP.send(get("/health", "*/*"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        release.countDown();
        assertThat(slow.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(eventually200("/api/v1/boards")).as("the slot came back").isTrue();
    }

    @Test
    void slots_come_back_after_errors_and_asynchronous_answers() throws Exception {
        // one slot; the short queue only absorbs the moment between a response reaching us and its slot being freed
        start(c -> c.admission(a -> a.maxConcurrentRequests(1).maxQueuedRequests(1).queueTimeout(Duration.ofSeconds(10))));
        for (int i = 0; i < 10; i++) {
            assertThat(send(get("/api/v1/boards", "*/*"))).isEqualTo(200);
            assertThat(send(get("/api/v1/threads/999", "*/*"))).isEqualTo(404);
            assertThat(send(get("/no-such-page", "text/html"))).isEqualTo(404);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"nobody\",\"password\":\"wrong\"}")).build()))
                    .as("sign-in is answered asynchronously from the password pool").isEqualTo(401);
        }
    }

    @Test
    void no_admission_limit_turns_it_off() throws Exception {
        start(c -> c.admission(AdmissionConfig::off));
        CompletableFuture<HttpResponse<String>> slow = HTTP.sendAsync(get("/slow", "*/*"), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(send(get("/api/v1/boards", "*/*"))).isEqualTo(200);
        release.countDown();
        assertThat(slow.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    private boolean eventually200(String path) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (send(get(path, "*/*")) == 200) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private int send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest get(String path, String accept) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Accept", accept).build();
    }
}
