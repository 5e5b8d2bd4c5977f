package dev.forumkit.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forumkit.testkit.HostileFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-file corpus and a burst of large photos against the packaged jar at {@code -Xmx256m} (with
 * {@code -XX:+ExitOnOutOfMemoryError}, so running out of memory ends the process): every upload is refused or
 * stored under a random key, nothing is served as markup or script, and the server is still up and answering.
 */
class AttachmentsJarIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "admin password 1";
    private static final String BOUNDARY = "----forumkitJarBoundary";

    @Test
    void hostileFilesAndLargePhotosNeitherLeakNorExhaustTheHeap(@TempDir Path data) throws Exception {
        try (JarProcess app = JarProcess.server(Map.of("FORUMKIT_DATA_DIR", data.toString(),
                "FORUMKIT_ADMIN_USERNAME", "admin", "FORUMKIT_ADMIN_PASSWORD", PASSWORD,
                "FORUMKIT_RATE_LIMITS", "false", "FORUMKIT_ATTACHMENT_MAX_BYTES", "20000000",
                "FORUMKIT_ATTACHMENT_FILES_PER_POST", "100"))) {
            String base = app.base();
            String[] session = signIn(base);
            long category = send(base, session, "POST", "/api/v1/categories", "{\"title\":\"Travel\",\"description\":\"\"}")
                    .path("category").path("id").asLong();
            long board = send(base, session, "POST", "/api/v1/categories/" + category + "/boards",
                    "{\"title\":\"Japan\",\"description\":\"\"}").path("board").path("id").asLong();

            List<HostileFiles.Upload> uploads = new ArrayList<>(HostileFiles.all());
            byte[] photo = HostileFiles.jpeg(6000, 4000); // 24 megapixels: decoded subsampled, re-encoded at 2048 px
            for (int i = 0; i < 6; i++) {
                uploads.add(new HostileFiles.Upload("photo" + i + ".jpg", photo, "a 24-megapixel photo"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (HostileFiles.Upload u : uploads) {
                    answers.add(pool.submit(() -> upload(base, session, board, u)));
                }
                for (int i = 0; i < uploads.size(); i++) {
                    HttpResponse<String> r = answers.get(i).get();
                    assertThat(r.statusCode()).as(uploads.get(i).what() + ": " + r.body()).isIn(201, 422);
                    if (uploads.get(i).name().startsWith("photo")) {
                        assertThat(r.statusCode()).as("a photo within the limits is stored: " + r.body()).isEqualTo(201);
                        assertThat(JSON.readTree(r.body()).path("attachment").path("width").asInt()).isEqualTo(2048);
                    }
                    if (r.statusCode() == 201) {
                        checkServed(base, session, JSON.readTree(r.body()).path("attachment"));
                    }
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(app.output()).doesNotContain("OutOfMemoryError");
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(app.output()).isEqualTo(200);
            try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
                files.filter(Files::isRegularFile).forEach(p -> assertThat(p.getFileName().toString())
                        .as("stored under a random key, never a chosen name").matches("[0-9a-f]{32}"));
            }
            assertThat(data.getParent().resolve("x")).doesNotExist();
            assertThat(data.resolve("x")).doesNotExist();
        }
    }

    private static void checkServed(String base, String[] session, JsonNode a) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + a.path("url").asText()))
                .header("Cookie", "forumkit_session=" + session[0]).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        assertThat(type).doesNotContain("html").doesNotContain("svg").doesNotContain("javascript").doesNotContain("xml");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("sandbox");
        if (r.headers().firstValue("Content-Disposition").orElse("").startsWith("inline")) {
            assertThat(HostileFiles.contains(r.body(), HostileFiles.MARKER)).isFalse();
        }
    }

    private static HttpResponse<String> upload(String base, String[] session, long board, HostileFiles.Upload u) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + u.name()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(u.bytes());
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/boards/" + board + "/attachments"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Cookie", "forumkit_session=" + session[0]).header("X-CSRF-Token", session[1])
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs the admin in: the session cookie and the CSRF token. */
    private static String[] signIn(String base) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"admin\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("forumkit_session="))
                .map(c -> c.substring("forumkit_session=".length()).split(";", 2)[0]).findFirst().orElseThrow();
        return new String[]{cookie, JSON.readTree(r.body()).path("session").path("csrf_token").asText()};
    }

    private static JsonNode send(String base, String[] session, String method, String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Cookie", "forumkit_session=" + session[0]).header("X-CSRF-Token", session[1])
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }
}
