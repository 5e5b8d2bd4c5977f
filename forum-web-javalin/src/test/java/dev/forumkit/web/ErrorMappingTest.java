package dev.forumkit.web;

import dev.forumkit.core.Forum;
import dev.forumkit.core.StorageUnavailableException;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every failure comes back as {@code {"errors":[...]}} with the right status, from the one mapping in ApiErrors. */
class ErrorMappingTest {
    private static final FlakyStorage storage = new FlakyStorage();
    @RegisterExtension
    static final Fixture f = Fixture.perClass(
            () -> Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO)));

    @Test
    void malformed_json_is_400() {
        Client.Response r = f.signedIn(f.mia).post("/api/v1/threads/" + f.threadId() + "/posts", "{\"body\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("malformed_json");
        assertThat(r.json().path("errors").path(0).has("field")).isTrue();
    }

    @Test
    void a_json_array_where_an_object_belongs_is_400_and_an_empty_body_too() {
        Client mia = f.signedIn(f.mia);
        assertThat(mia.post("/api/v1/threads/" + f.threadId() + "/posts", "[1,2]").status()).isEqualTo(400);
        assertThat(mia.post("/api/v1/threads/" + f.threadId() + "/posts", "").status()).isEqualTo(400);
    }

    @Test
    void a_field_of_the_wrong_type_is_422_naming_the_field() {
        Client.Response r = f.signedIn(f.mia).post("/api/v1/threads/" + f.threadId() + "/posts", "{\"body\": {\"x\": 1}}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").path(0).path("field").asText()).isEqualTo("body");
    }

    @Test
    void guests_get_401_and_members_without_the_role_403() {
        assertThat(f.guest().post("/api/v1/threads/" + f.threadId() + "/lock", null).status()).isEqualTo(401);
        Client.Response r = f.signedIn(f.mia).post("/api/v1/threads/" + f.threadId() + "/lock", null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("not_allowed");
    }

    @Test
    void unknown_things_are_404_and_unknown_routes_too() {
        assertThat(f.guest().get("/api/v1/threads/999999").errorCode()).isEqualTo("not_found");
        assertThat(f.guest().get("/api/v1/threads/abc").status()).isEqualTo(404);
        assertThat(f.guest().get("/api/v1/threads/-3").status()).isEqualTo(404);
        Client.Response r = f.guest().get("/api/v1/no/such/route");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("route_not_found");
        Client.Response wrongMethod = f.guest().put("/api/v1/boards", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
    }

    @Test
    void a_clash_with_the_current_state_is_409() {
        Client.Response r = f.signedIn(f.pat).delete("/api/v1/posts/" + f.opening.id().value());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.errorCode()).isEqualTo("conflict");
    }

    @Test
    void a_body_over_256_kib_is_413_whether_or_not_its_length_is_declared() throws Exception {
        String big = "{\"body\":\"" + "x".repeat(300 * 1024) + "\"}";
        Client mia = f.signedIn(f.mia);
        // declared: the answer comes from the header alone, before any of the body is read. Sent over a raw socket
        // without the body, since a client still sending 300 KiB can lose the answer to the connection's reset.
        URI base = URI.create(f.server.base);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/threads/" + f.threadId() + "/posts HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + big.length()
                    + "\r\nCookie: forumkit_session=" + mia.sessionCookie + "\r\nX-CSRF-Token: " + mia.csrf
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("body_too_large");
        }

        HttpRequest chunked = HttpRequest.newBuilder(URI.create(f.server.base + "/api/v1/threads/" + f.threadId() + "/posts"))
                .header("Content-Type", "application/json").header("Cookie", "forumkit_session=" + mia.sessionCookie)
                .header("X-CSRF-Token", mia.csrf)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        Client.Response r = f.signedIn(f.mia).send("POST", "/api/v1/threads/" + f.threadId() + "/posts", "body=hi",
                "Content-Type", "text/plain");
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.errorCode()).isEqualTo("unsupported_media_type");
    }

    @Test
    void validation_reports_every_bad_field_at_once_as_422() {
        Client.Response r = f.guest().post("/api/v1/members", "{\"username\":\"x\",\"email\":\"nope\",\"password\":\"short\"}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("username", "email", "password");
    }

    @Test
    void a_database_that_cannot_be_reached_is_503_with_retry_after() {
        storage.failure = new StorageUnavailableException("connection refused", new SQLException("SELECT 1 failed"));
        try {
            Client.Response r = f.guest().get("/api/v1/boards");
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.errorCode()).isEqualTo("storage_unavailable");
            assertThat(r.header("Retry-After")).isNotBlank();
            assertThat(r.body()).doesNotContain("SELECT");
        } finally {
            storage.failure = null;
        }
    }

    @Test
    void a_bug_is_500_with_an_error_id_that_is_logged_and_no_internals_for_the_client() {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        storage.failure = new IllegalStateException("SELECT password_hash FROM members broke");
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            Client.Response r = f.guest().get("/api/v1/boards");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.errorCode()).isEqualTo("internal_error");
            String id = r.json().path("error_id").asText();
            assertThat(id).isNotBlank();
            assertThat(r.body()).contains(id).doesNotContain("SELECT", "IllegalStateException", "at dev.forumkit");
            assertThat(log.toString(StandardCharsets.UTF_8)).contains(id).contains("IllegalStateException");
        } finally {
            System.setErr(original);
            storage.failure = null;
        }
    }

    @Test
    void security_headers_are_on_every_answer_errors_included() {
        for (Client.Response r : new Client.Response[]{f.guest().get("/api/v1/boards"), f.guest().get("/api/v1/nope"),
                f.guest().post("/api/v1/members", "{}"), f.guest().get("/api/v1/threads/424242")}) {
            assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'self'").contains("script-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).isNotBlank();
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            assertThat(r.header("Content-Type")).startsWith("application/json");
        }
    }
}
