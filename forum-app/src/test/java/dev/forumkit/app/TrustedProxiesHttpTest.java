package dev.forumkit.app;

import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.memory.InMemoryForumStorage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code trusted.proxies} on a real server on loopback: from a peer that is not a trusted proxy, forged
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} change nothing (session device address, sign-in limit per
 * address, Secure cookie); from a trusted one they give the client's address and scheme.
 */
class TrustedProxiesHttpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FORGED = "203.0.113.7";

    @Test
    void without_trusted_proxies_forged_headers_change_nothing() throws Exception {
        try (Node node = new Node(NodeSettings.DEFAULT)) {
            HttpResponse<String> in = node.signIn("kenji", "long enough", FORGED, "https");
            assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
            assertThat(sessionCookie(in)).as("not Secure: the client's https claim is not believed").doesNotContainIgnoringCase("secure");
            assertThat(node.sessions(in)).contains("\"ip\":\"127.0.0.1\"").doesNotContain(FORGED);
            assertThat(node.signInLimitHitsEveryForgedAddress()).isTrue();
        }
    }

    @Test
    void a_peer_outside_the_trusted_ranges_is_not_believed() throws Exception {
        try (Node node = new Node(settings("10.0.0.0/8, fd00::/8"))) {
            HttpResponse<String> in = node.signIn("kenji", "long enough", FORGED, "https");
            assertThat(sessionCookie(in)).doesNotContainIgnoringCase("secure");
            assertThat(node.sessions(in)).contains("\"ip\":\"127.0.0.1\"");
            assertThat(node.signInLimitHitsEveryForgedAddress()).isTrue();
        }
    }

    @Test
    void behind_a_trusted_proxy_the_forwarded_client_address_and_scheme_count() throws Exception {
        try (Node node = new Node(settings("127.0.0.1, ::1"))) {
            HttpResponse<String> in = node.signIn("kenji", "long enough", "6.6.6.6, " + FORGED, "https");
            assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
            assertThat(sessionCookie(in)).as("https at the balancer: Secure").containsIgnoringCase("secure");
            assertThat(node.sessions(in)).as("the right-most hop the proxy added").contains("\"ip\":\"" + FORGED + "\"");
            assertThat(node.signInLimitHitsEveryForgedAddress()).as("each client address has its own sign-in budget").isFalse();
            HttpResponse<String> plain = node.signIn("kenji", "long enough", "198.51.100.1", "http");
            assertThat(sessionCookie(plain)).doesNotContainIgnoringCase("secure");
        }
    }

    private static NodeSettings settings(String proxies) {
        Properties p = new Properties();
        p.setProperty("forumkit.trusted.proxies", proxies);
        return NodeSettings.load(p, Map.of());
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("forumkit_session=")).findFirst().orElseThrow();
    }

    /** One server on loopback over in-memory storage, with a member. */
    private static final class Node implements AutoCloseable {
        final ForumServer server;
        final String base;

        Node(NodeSettings nodes) {
            InMemoryForumStorage storage = new InMemoryForumStorage();
            Forum forum = Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO));
            forum.members().register(new Registration("kenji", "kenji@example.org", "long enough"));
            Settings settings = new Settings("127.0.0.1", 0, Path.of("unused"), null, null, null, null, null, null, null,
                    false, true, false, false);
            this.server = new ForumServer(settings, storage, forum, LiveSettings.DEFAULT, MetricsSettings.OFF, nodes);
            this.base = "http://127.0.0.1:" + server.start();
        }

        HttpResponse<String> signIn(String login, String password, String forwardedFor, String proto) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-Forwarded-For", forwardedFor).header("X-Forwarded-Proto", proto)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        String sessions(HttpResponse<String> signedIn) throws Exception {
            String cookie = sessionCookie(signedIn).split(";")[0];
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/sessions"))
                    .header("Accept", "application/json").header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r.body();
        }

        /**
         * Spends the sign-in budget of one address (20 a minute; wrong passwords for 21 different accounts, so the
         * per-account limit stays out of it) with one forged address, then tries another forged address: true when
         * that is refused too, i.e. both counted as the same (the socket's) address.
         */
        boolean signInLimitHitsEveryForgedAddress() throws Exception {
            List<Integer> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 21; i++) {
                statuses.add(signIn("nobody" + i, "wrong password", "198.51.100.50", "http").statusCode());
            }
            assertThat(statuses.get(20)).as("the 21st attempt from one address: " + statuses).isEqualTo(429);
            int other = signIn("nobody-else", "wrong password", "198.51.100.51", "http").statusCode();
            assertThat(other).isIn(401, 429);
            return other == 429;
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
