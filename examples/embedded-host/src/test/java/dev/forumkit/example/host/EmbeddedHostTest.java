package dev.forumkit.example.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import io.javalin.Javalin;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The example host, the same on the in-memory storage and on H2: host sign-in, the forum under /community, host sign-out. */
class EmbeddedHostTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient(); // follows no redirects: the test looks at them
    @TempDir
    Path dataDir;
    private String base;

    private ForumStorage storage(String kind) {
        return kind.equals("h2") ? JdbiForumStorage.embeddedH2(dataDir) : new InMemoryForumStorage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "h2"})
    void aHostUserSignsInOnTheHostPostsInTheForumAndSignsOut(String kind) throws Exception {
        try (Forum forum = Forum.create(storage(kind))) {
            Member admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password"));
            Category general = forum.boards().createCategory(Actor.member(admin.id()), "General", "");
            Board lounge = forum.boards().createBoard(Actor.member(admin.id()), general.id(), "Lounge", "Talk", "");
            HostUsers users = new HostUsers();
            users.add("1", "ann", "ann@example.org", "ann-password");
            Javalin app = HostApp.create(forum, users).start(0);
            try {
                base = "http://127.0.0.1:" + app.port();

                HttpResponse<String> guestIndex = send("GET", "/community/", null, null);
                assertThat(guestIndex.statusCode()).isEqualTo(200);
                assertThat(guestIndex.body()).contains("href=\"/sign-in\"").doesNotContain("/community/register");
                assertThat(send("GET", "/community/login", null, null).headers().firstValue("Location")).contains("/sign-in");

                HttpResponse<String> signIn = send("POST", "/sign-in", null, "name=ann&password=" + URLEncoder.encode("ann-password", StandardCharsets.UTF_8));
                assertThat(signIn.statusCode()).isEqualTo(303);
                String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

                JsonNode session = JSON.readTree(send("GET", "/community/api/v1/session", cookie, null).body()).path("session");
                assertThat(session.path("signed_in").asBoolean()).isTrue();
                assertThat(session.path("member").path("username").asText()).isEqualTo("ann");
                HttpResponse<String> started = send("POST", "/community/api/v1/boards/" + lounge.id().value() + "/threads", cookie,
                        "{\"title\":\"Hello from the host\",\"body\":\"Signed in on the host, posting in the forum.\"}",
                        "X-CSRF-Token", session.path("csrf_token").asText());
                assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
                assertThat(forum.members().byUsername("ann").orElseThrow().isExternal()).isTrue();

                users.change("1", "annie", "annie@example.org"); // renamed on the host's account page
                assertThat(JSON.readTree(send("GET", "/community/api/v1/me", cookie, null).body()).path("member").path("username").asText())
                        .isEqualTo("annie");

                assertThat(send("POST", "/sign-out", cookie, "").statusCode()).isEqualTo(303);
                JsonNode after = JSON.readTree(send("GET", "/community/api/v1/session", cookie, null).body()).path("session");
                assertThat(after.path("signed_in").asBoolean()).as("signed out on the host: a guest at once").isFalse();
            } finally {
                app.stop();
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String cookie, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (body != null) {
            b.header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
