package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.webhook.WebhookSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks over HTTP on a real server, delivering to a real receiver on loopback: subscribe through the API, a reply
 * arrives signed as the README says to check it, the delivery log shows it, redelivery sends the same event again,
 * 500s are retried and disable the webhook; with private addresses not allowed a loopback URL is refused.
 */
class WebhookHttpTest {
    private static final String P = "/api/v1";
    private TestServer server;
    private HttpServer receiver;
    private final List<Map<String, String>> got = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Integer> answers = new ConcurrentLinkedDeque<>();

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (server != null) {
            server.close();
        }
    }

    /** The README's example: how a receiver checks a delivery. */
    static boolean verify(String secret, String timestamp, String body, String signature) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    private final Community.SettableClock clock = new Community.SettableClock(java.time.Instant.parse("2026-03-01T10:00:00Z"));

    private Fixture serve(WebhookSettings settings) {
        Forum forum = Forum.create(new InMemoryForumStorage(), c -> c.clock(clock).passwordHasher(new Pbkdf2PasswordHasher(1_000))
                .viewFlushInterval(Duration.ZERO).outboxPollInterval(Duration.ZERO).webhooks(settings));
        server = TestServer.start(forum, c -> { });
        return new Fixture(server);
    }

    private String receive() {
        try {
            receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receiver.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            got.add(Map.of("body", body, "signature", ex.getRequestHeaders().getFirst("X-Forumkit-Signature"),
                    "timestamp", ex.getRequestHeaders().getFirst("X-Forumkit-Timestamp"),
                    "event", ex.getRequestHeaders().getFirst("X-Forumkit-Event"),
                    "delivery", ex.getRequestHeaders().getFirst("X-Forumkit-Delivery")));
            Integer status = answers.poll();
            ex.sendResponseHeaders(status == null ? 204 : status, -1);
            ex.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/forum-events";
    }

    @Test
    void aReplyIsDeliveredSignedLoggedAndCanBeDeliveredAgain() throws Exception {
        Fixture f = serve(WebhookSettings.DEFAULTS.allowingPrivateAddresses(true));
        String url = receive();
        Client admin = f.signedIn(f.admin);
        Client.Response made = admin.post(P + "/admin/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"post.created\"]}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String secret = made.json().path("secret").asText();
        long hook = made.json().path("webhook").path("id").asLong();
        assertThat(secret).startsWith("whsec_");
        assertThat(admin.get(P + "/admin/webhooks").body()).contains(url).doesNotContain(secret);

        Client.Response reply = f.signedIn(f.mia).post(P + "/threads/" + f.threadId() + "/posts", "{\"body\":\"Mid-April in the hills\"}");
        long postId = reply.json().path("post").path("id").asLong();
        f.forum.outbox().drain();
        assertThat(f.forum.webhooks().deliverDue()).isEqualTo(1);

        assertThat(got).singleElement().satisfies(d -> {
            assertThat(d.get("event")).isEqualTo("post.created");
            assertThat(verify(secret, d.get("timestamp"), d.get("body"), d.get("signature"))).isTrue();
            assertThat(verify(secret, d.get("timestamp"), d.get("body") + " ", d.get("signature"))).isFalse();
            JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.get("body"));
            assertThat(body.path("id").asText()).isEqualTo(d.get("delivery")).startsWith("forumkit-event-");
            assertThat(body.path("type").asText()).isEqualTo("post.created");
            assertThat(body.path("data").path("post").asLong()).isEqualTo(postId);
            assertThat(body.path("data").path("author").asLong()).isEqualTo(f.mia.id().value());
        });

        Client.Response log = admin.get(P + "/admin/webhooks/" + hook + "/deliveries");
        JsonNode first = log.json().path("deliveries").path(0);
        assertThat(first.path("status").asText()).isEqualTo("delivered");
        assertThat(first.path("response_status").asInt()).isEqualTo(204);
        assertThat(first.path("response_millis").isNumber()).isTrue();
        assertThat(first.path("attempts").asInt()).isEqualTo(1);

        Client.Response again = admin.post(P + "/admin/webhooks/" + hook + "/deliveries/" + first.path("id").asLong()
                + "/redeliver", null);
        assertThat(again.status()).isEqualTo(202);
        f.forum.webhooks().deliverDue();
        assertThat(got).hasSize(2);
        assertThat(got.get(1).get("delivery")).isEqualTo(got.get(0).get("delivery"));
        assertThat(got.get(1).get("body")).isEqualTo(got.get(0).get("body"));

        Client.Response page = admin.get("/admin/webhooks/" + hook);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("post.created").contains("delivered");
    }

    @Test
    void failuresAreRetriedAndDisableTheWebhookWhichTheAdminSees() {
        Fixture f = serve(WebhookSettings.DEFAULTS.allowingPrivateAddresses(true).withDisableAfter(2));
        String url = receive();
        Client admin = f.signedIn(f.admin);
        long hook = admin.post(P + "/admin/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"member.registered\"]}")
                .json().path("webhook").path("id").asLong();
        answers.addAll(List.of(500, 500));
        f.member("newcomer");
        f.forum.outbox().drain();
        f.forum.webhooks().deliverDue();
        JsonNode d = admin.get(P + "/admin/webhooks/" + hook + "/deliveries").json().path("deliveries").path(0);
        assertThat(d.path("status").asText()).isEqualTo("pending");
        assertThat(d.path("error").asText()).isEqualTo("HTTP 500");
        assertThat(d.path("next_attempt_at").asText()).isNotEmpty();

        f.forum.webhooks().deliverDue(); // not due yet: nothing is sent
        assertThat(got).hasSize(1);
        clock.advance(Duration.ofSeconds(10));
        f.forum.webhooks().deliverDue();
        assertThat(got).hasSize(2);
        JsonNode disabled = admin.get(P + "/admin/webhooks").json().path("webhooks").path(0);
        assertThat(disabled.path("active").asBoolean()).isFalse();
        assertThat(disabled.path("disabled_reason").asText()).contains("2 failed attempts in a row").contains("HTTP 500");
        assertThat(admin.get("/admin/webhooks").body()).contains("disabled");

        // every admin is alerted, with a link to the webhook's page; nobody else is
        f.forum.outbox().drain();
        JsonNode alert = null;
        for (JsonNode a : admin.get(P + "/alerts").json().path("alerts")) {
            if (a.path("kind").asText().equals("webhook_disabled")) {
                alert = a;
            }
        }
        assertThat(alert).as("the admin's webhook_disabled alert").isNotNull();
        assertThat(alert.path("webhook").path("id").asLong()).isEqualTo(hook);
        assertThat(alert.path("webhook").path("url").asText()).isEqualTo(url);
        assertThat(alert.path("thread_id").isNull() || alert.path("thread_id").isMissingNode()).isTrue();
        assertThat(alert.path("latest_actor").isNull() || alert.path("latest_actor").isMissingNode()).isTrue();
        assertThat(alert.path("detail").asText()).isEqualTo("2");
        assertThat(alert.path("content_visible").asBoolean()).isTrue();
        String page = admin.get("/alerts/").body();
        assertThat(page).contains("data-kind=\"webhook_disabled\"").contains("href=\"/admin/webhooks/" + hook + "\"")
                .contains("after 2 failed deliveries in a row");
        assertThat(admin.get(P + "/me").json().path("unread_alerts").asLong()).isPositive();
        for (Client other : List.of(f.signedIn(f.moderator), f.signedIn(f.member("bystander")))) {
            assertThat(other.get(P + "/alerts").json().path("alerts").toString()).doesNotContain("webhook_disabled");
            assertThat(other.get("/alerts/").body()).doesNotContain("/admin/webhooks/");
        }

        Client.Response on = admin.patch(P + "/admin/webhooks/" + hook, "{\"active\":true}");
        assertThat(on.json().path("webhook").path("active").asBoolean()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        f.forum.webhooks().deliverDue();
        assertThat(got).hasSize(3);
        assertThat(admin.get(P + "/admin/webhooks/" + hook + "/deliveries").json().path("deliveries").path(0)
                .path("status").asText()).isEqualTo("delivered");
    }

    @Test
    void aLoopbackUrlIsRefusedUnlessPrivateAddressesAreAllowed() {
        Fixture f = serve(WebhookSettings.DEFAULTS);
        String url = receive();
        Client admin = f.signedIn(f.admin);
        Client.Response r = admin.post(P + "/admin/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"post.created\"]}");
        assertThat(r.status()).isEqualTo(422);
        JsonNode error = r.json().path("errors").path(0);
        assertThat(error.path("field").asText()).isEqualTo("url");
        assertThat(error.path("code").asText()).isEqualTo("url_refused");
        assertThat(error.path("message").asText()).contains("loopback").contains("127.0.0.1");
        Client.Response localhost = admin.post(P + "/admin/webhooks",
                "{\"url\":\"http://localhost:1/x\",\"events\":[\"post.created\"]}");
        assertThat(localhost.status()).isEqualTo(422);
        for (String privateUrl : List.of("http://10.1.2.3/", "http://169.254.169.254/latest/meta-data", "http://[::1]/",
                "http://192.168.0.1/", "http://224.0.0.1/", "http://0.0.0.0/", "http://[fd00::1]/")) {
            Client.Response refused = admin.post(P + "/admin/webhooks",
                    "{\"url\":\"" + privateUrl + "\",\"events\":[\"post.created\"]}");
            assertThat(refused.status()).as(privateUrl).isEqualTo(422);
        }
        assertThat(admin.get(P + "/admin/webhooks").json().path("webhooks")).isEmpty();
        assertThat(got).isEmpty();
    }
}
