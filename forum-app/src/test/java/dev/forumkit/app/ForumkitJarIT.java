package dev.forumkit.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as a separate process: start on a random port with a fresh data directory, register, start a
 * thread, reply, react, stop with SIGTERM, start again on the same directory, and find everything still there.
 */
class ForumkitJarIT {
    private static final Pattern LISTENING = Pattern.compile("forumkit listening on port (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String ADMIN_PASSWORD = "admin password 1";

    /** A running jar and everything it printed. */
    private static final class App implements AutoCloseable {
        final Process process;
        final StringBuffer output = new StringBuffer();
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        final Thread reader;

        App(Path dataDir) throws IOException {
            Path jar = Path.of("target", "forumkit.jar").toAbsolutePath();
            assertThat(jar).exists();
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", jar.toString()).redirectErrorStream(true);
            pb.environment().put("FORUMKIT_HOST", "127.0.0.1");
            pb.environment().put("FORUMKIT_PORT", "0");
            pb.environment().put("FORUMKIT_DATA_DIR", dataDir.toString());
            pb.environment().put("FORUMKIT_ADMIN_USERNAME", "admin");
            pb.environment().put("FORUMKIT_ADMIN_PASSWORD", ADMIN_PASSWORD);
            pb.environment().remove("FORUMKIT_JDBC_URL");
            process = pb.start();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        output.append(line).append('\n');
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            port.complete(Integer.parseInt(m.group(1)));
                        }
                    }
                } catch (IOException e) {
                    port.completeExceptionally(e);
                }
                port.completeExceptionally(new IllegalStateException("the app ended before listening:\n" + output));
            }, "jar-output");
            reader.setDaemon(true);
            reader.start();
        }

        String base() throws Exception {
            return "http://127.0.0.1:" + port.get(90, TimeUnit.SECONDS);
        }

        /** SIGTERM, then wait for a graceful exit. */
        int terminate() throws InterruptedException {
            // the handle sends SIGTERM without closing our end of the pipe (Process.destroy would, losing the last lines)
            assertThat(process.toHandle().destroy()).isTrue();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM:\n" + output).isTrue();
            reader.join(10_000); // the last lines may still be in the pipe
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /** Minimal client: keeps the session cookie and CSRF token. */
    private static final class Session {
        final String base;
        String cookie;
        String csrf;

        Session(String base) {
            this.base = base;
        }

        JsonNode send(String method, String path, String body, int expected) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            if (cookie != null) {
                b.header("Cookie", "forumkit_session=" + cookie);
            }
            if (csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " " + path + " -> " + r.body()).isEqualTo(expected);
            r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("forumkit_session="))
                    .forEach(c -> cookie = c.substring("forumkit_session=".length()).split(";", 2)[0]);
            JsonNode json = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            if (json.path("session").has("csrf_token")) {
                csrf = json.path("session").path("csrf_token").asText();
            }
            return json;
        }
    }

    @Test
    void the_forum_survives_a_sigterm_and_a_restart(@TempDir Path dataDir) throws Exception {
        long threadId;
        long replyId;
        String memberCookie;
        String memberCsrf;
        try (App app = new App(dataDir)) {
            String base = app.base();
            Session admin = new Session(base);
            admin.send("POST", "/api/v1/session", "{\"login\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}", 200);
            long category = admin.send("POST", "/api/v1/categories", "{\"title\":\"Travel\",\"description\":\"\"}", 201)
                    .path("category").path("id").asLong();
            long board = admin.send("POST", "/api/v1/categories/" + category + "/boards",
                    "{\"title\":\"Japan\",\"description\":\"\",\"guest_notice\":\"Welcome! Join today.\"}", 201)
                    .path("board").path("id").asLong();

            Session ayumi = new Session(base);
            ayumi.send("POST", "/api/v1/members", "{\"username\":\"ayumi\",\"email\":\"ayumi@example.org\",\"password\":\"ayumi's password\"}", 201);
            threadId = ayumi.send("POST", "/api/v1/boards/" + board + "/threads",
                    "{\"title\":\"Night ferry to Busan\",\"body\":\"Worth the extra day?\"}", 201).path("thread").path("id").asLong();
            replyId = admin.send("POST", "/api/v1/threads/" + threadId + "/posts", "{\"body\":\"Yes: you sleep through it.\"}", 201)
                    .path("post").path("id").asLong();
            JsonNode reaction = ayumi.send("PUT", "/api/v1/posts/" + replyId + "/reaction", "{\"type\":\"like\"}", 200).path("reaction");
            assertThat(reaction.path("counts").path("like").asInt()).isEqualTo(1);
            assertThat(reaction.path("author_reaction_score").asLong()).isEqualTo(1);
            memberCookie = ayumi.cookie;
            memberCsrf = ayumi.csrf;

            int exit = app.terminate();
            assertThat(exit).as(app.output.toString()).isIn(0, 143);
            assertThat(app.output.toString()).contains("stopping: finishing requests in flight").contains("stopped");
            assertThat(app.output.toString()).contains("forumkit.access").contains("PUT /api/v1/posts/" + replyId + "/reaction 200");
        }
        assertThat(Files.list(dataDir).findAny()).as("the database lives in the data directory").isPresent();
        assertThat(dataDir.resolve(UncleanShutdown.MARKER)).as("a clean stop removes the running marker").doesNotExist();

        try (App again = new App(dataDir)) {
            String base = again.base();
            assertThat(again.output.toString()).as("no recount after a clean stop").doesNotContain("did not stop cleanly");
            Session guest = new Session(base);
            JsonNode page = guest.send("GET", "/api/v1/threads/" + threadId, null, 200);
            assertThat(page.path("thread").path("title").asText()).isEqualTo("Night ferry to Busan");
            assertThat(page.path("posts").size()).isEqualTo(2);
            assertThat(page.path("posts").path(1).path("body").asText()).isEqualTo("Yes: you sleep through it.");
            assertThat(page.path("posts").path(1).path("reactions").path("like").asInt()).isEqualTo(1);
            assertThat(page.path("posts").path(1).path("author").path("reaction_score").asLong()).isEqualTo(1);

            Session ayumi = new Session(base);
            ayumi.cookie = memberCookie;
            ayumi.csrf = memberCsrf;
            assertThat(ayumi.send("GET", "/api/v1/me", null, 200).path("member").path("username").asText())
                    .as("sessions live in the database, not in the process").isEqualTo("ayumi");
            Session fresh = new Session(base);
            fresh.send("POST", "/api/v1/session", "{\"login\":\"ayumi\",\"password\":\"ayumi's password\"}", 200);
            assertThat(guest.send("GET", "/ready", null, 200).path("database").asText()).isEqualTo("up");
            assertThat(guest.send("GET", "/ready", null, 200).path("migrations").asText()).isEqualTo("applied");
            assertThat(guest.send("GET", "/health", null, 200).path("status").asText()).isEqualTo("ok");
            assertThat(again.output.toString()).doesNotContain("/setup?token=");
            again.terminate();
        }
    }

    /** The commands that work on the database are reached through the jar's main: rerender, here on a new database. */
    @Test
    void the_jar_runs_the_rerender_command(@TempDir Path dataDir) throws Exception {
        Path jar = Path.of("target", "forumkit.jar").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "rerender", "--batch", "100").redirectErrorStream(true);
        pb.environment().put("FORUMKIT_DATA_DIR", dataDir.toString());
        pb.environment().remove("FORUMKIT_JDBC_URL");
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("rerender: 0 posts rerendered to forum-markup/");
    }
}
