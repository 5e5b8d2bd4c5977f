package dev.forumkit.example.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.web.LimitsConfig;
import org.flywaydb.core.Flyway;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example host, the same on the in-memory storage and on H2: host sign-in, the forum under /community inside the
 * host's page and in Japanese, a thread and a reply, the host's own tables and Flyway history left alone, host sign-out.
 */
class EmbeddedHostTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient(); // follows no redirects: the test looks at them
    @TempDir
    Path dataDir;
    private String base;

    private ExampleHost host(String kind) {
        return kind.equals("h2")
                ? ExampleHost.h2("jdbc:h2:file:" + dataDir.resolve("host") + ";DB_CLOSE_ON_EXIT=FALSE",
                        c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)))
                : ExampleHost.inMemory(c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "h2"})
    void aHostUserSignsInOnTheHostPostsInTheForumAndSignsOut(String kind) throws Exception {
        try (ExampleHost host = host(kind)) {
            Board lounge = host.createFirstBoard("a long password");
            host.users().add("1", "ann", "ann@example.org", "ann-password");
            host.plugin(p -> p.limits(LimitsConfig::noRateLimits)).start(0); // the test posts faster than people do
            base = "http://127.0.0.1:" + host.port();

            HttpResponse<String> guestIndex = send("GET", "/community/", null, null);
            assertThat(guestIndex.statusCode()).isEqualTo(200);
            assertThat(guestIndex.body()).contains("href=\"/sign-in\"").doesNotContain("/community/register");
            assertInHostFrameInJapanese(guestIndex.body());
            assertThat(guestIndex.headers().firstValue("Content-Security-Policy")).as("the forum's headers on its pages").isPresent();
            HttpResponse<String> hostHome = send("GET", "/", null, null);
            assertThat(hostHome.headers().firstValue("Content-Security-Policy")).as("and never on the host's own routes").isEmpty();
            assertThat(hostHome.body()).contains("<header class=\"host-header\">", "サインイン");
            assertThat(send("GET", "/community/login", null, null).headers().firstValue("Location")).contains("/sign-in");

            HttpResponse<String> wrong = send("POST", "/sign-in", null, "name=ann&password=guess");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("名前またはパスワードが違います。", "<header class=\"host-header\">");
            assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

            HttpResponse<String> signIn = send("POST", "/sign-in", null, "name=ann&password=" + URLEncoder.encode("ann-password", StandardCharsets.UTF_8));
            assertThat(signIn.statusCode()).isEqualTo(303);
            String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

            JsonNode session = JSON.readTree(send("GET", "/community/api/v1/session", cookie, null).body()).path("session");
            assertThat(session.path("signed_in").asBoolean()).isTrue();
            assertThat(session.path("member").path("username").asText()).isEqualTo("ann");
            String csrf = session.path("csrf_token").asText();
            HttpResponse<String> started = send("POST", "/community/api/v1/boards/" + lounge.id().value() + "/threads", cookie,
                    "{\"title\":\"Hello from the host\",\"body\":\"Signed in on the host, posting in the forum.\"}",
                    "X-CSRF-Token", csrf);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            long thread = JSON.readTree(started.body()).path("thread").path("id").asLong();
            HttpResponse<String> replied = send("POST", "/community/api/v1/threads/" + thread + "/posts", cookie,
                    "{\"body\":\"こんにちは、ホストから返信します。\"}", "X-CSRF-Token", csrf);
            assertThat(replied.statusCode()).as(replied.body()).isEqualTo(201);
            assertThat(host.forum().members().byUsername("ann").orElseThrow().isExternal()).isTrue();

            HttpResponse<String> threadPage = followed(send("GET", "/community/threads/t." + thread + "/", cookie, null), cookie);
            assertThat(threadPage.statusCode()).isEqualTo(200);
            assertInHostFrameInJapanese(threadPage.body());
            assertThat(threadPage.body()).contains("Hello from the host", "こんにちは、ホストから返信します。", "返信を投稿");

            host.users().change("1", "annie", "annie@example.org"); // renamed on the host's account page
            assertThat(JSON.readTree(send("GET", "/community/api/v1/me", cookie, null).body()).path("member").path("username").asText())
                    .isEqualTo("annie");
            if (kind.equals("h2")) {
                assertHostTablesAreTheHosts(host);
            }

            assertThat(send("POST", "/sign-out", cookie, "").statusCode()).isEqualTo(303);
            JsonNode after = JSON.readTree(send("GET", "/community/api/v1/session", cookie, null).body()).path("session");
            assertThat(after.path("signed_in").asBoolean()).as("signed out on the host: a guest at once").isFalse();
            assertThat(send("GET", "/community/", cookie, null).body()).contains("href=\"/sign-in\"");
        }
    }

    private static void assertInHostFrameInJapanese(String html) {
        assertThat(html).startsWith("<!DOCTYPE html><html lang=\"ja\">")
                .contains("<header class=\"host-header\"><strong>Example Host</strong>",
                        "<footer class=\"host-footer\">Example Host", "href=\"/host.css\"")
                .contains("フォーラム")                                  // the forum's navigation, in Japanese
                .doesNotContain("class=\"logo\"", ">Forums<");        // not the forum's own chrome, not English
    }

    /** The host's tables hold the host's rows only; its Flyway history is its own; the forum is in its schema. */
    private static void assertHostTablesAreTheHosts(ExampleHost host) throws SQLException {
        assertThat(rows(host, "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = 'PUBLIC' ORDER BY 1"))
                .containsExactly("flyway_schema_history", "members", "sessions", "users");
        assertThat(rows(host, "SELECT id || ' ' || name || ' ' || email FROM users")).containsExactly("1 annie annie@example.org");
        assertThat(rows(host, "SELECT user_id || ' ' || plan FROM members")).containsExactly("1 free");
        assertThat(rows(host, "SELECT user_id FROM sessions")).containsExactly("1");
        assertThat(rows(host, "SELECT \"version\" || ' ' || \"script\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"))
                .containsExactly("1 V1__host_tables.sql");
        assertThat(rows(host, "SELECT \"script\" FROM \"flyway_schema_history\"")).noneMatch(script -> script.contains("forum"));
        Flyway hostFlyway = Flyway.configure().dataSource(host.pool()).locations("classpath:db/host").load();
        assertThat(hostFlyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(rows(host, "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = 'forum'"))
                .contains("forumkit_schema_history", "members", "sessions", "posts");
        assertThat(rows(host, "SELECT username FROM \"forum\".members ORDER BY username")).containsExactly("admin", "annie");
    }

    private static List<String> rows(ExampleHost host, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = host.pool().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** Follows one redirect (the thread's address with its real slug). */
    private HttpResponse<String> followed(HttpResponse<String> r, String cookie) throws IOException, InterruptedException {
        return r.statusCode() / 100 == 3 ? send("GET", r.headers().firstValue("Location").orElseThrow().replace(base, ""), cookie, null) : r;
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
