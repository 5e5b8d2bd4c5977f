package dev.forumkit.app;

import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first-start set-up link with several nodes on one PostgreSQL (real servers on loopback): printed by node A, it
 * works on node B, survives A's restart, and makes one admin once across all nodes.
 */
class SetupLinkNodesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void a_link_printed_by_one_node_works_on_another_once_and_survives_a_restart() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
            String link;
            try (Node a = new Node(url)) {
                link = a.server.setupLink(a.port);
                assertThat(link).contains("/setup?token=");
            }
            String token = link.substring(link.indexOf("token=") + 6);
            try (Node b = new Node(url); Node c = new Node(url)) { // A restarted as C, and another node B
                assertThat(get(b.base() + "/setup?token=" + token).statusCode()).as("A's link on B").isEqualTo(200);
                assertThat(get(c.base() + "/setup?token=" + token).statusCode()).as("after A's restart").isEqualTo(200);
                assertThat(get(b.base() + "/setup?token=made-up").statusCode()).isEqualTo(404);

                assertThat(submit(b.base(), token, "x", "bad").statusCode()).as("bad input keeps the link").isEqualTo(422);
                HttpResponse<String> made = submit(b.base(), token, "root", "long enough");
                assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
                assertThat(c.forum.members().byUsername("root").orElseThrow().role().name()).isEqualTo("ADMIN");

                assertThat(submit(c.base(), token, "second", "long enough").statusCode()).as("used on B, so on C").isEqualTo(404);
                assertThat(get(c.base() + "/setup?token=" + token).statusCode()).isEqualTo(404);
                assertThat(c.forum.members().byUsername("second")).isEmpty();
                assertThat(c.server.setupLink(c.port)).as("no new links once there is an admin").isNull();
            }
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> submit(String base, String token, String username, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/setup"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&username=" + username + "&email="
                        + username + "%40example.org&password=" + password.replace(' ', '+')))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One node: its own pool, forum and server on the shared database. */
    private static final class Node implements AutoCloseable {
        final Forum forum;
        final ForumServer server;
        final int port;

        Node(String jdbcUrl) {
            ForumStorage storage = JdbiForumStorage.connect(jdbcUrl, "postgres", "postgres");
            this.forum = Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000))
                    .viewFlushInterval(Duration.ZERO));
            Settings settings = new Settings("127.0.0.1", 0, Path.of("unused"), jdbcUrl, "postgres", "postgres", null,
                    null, null, null, false, true, false, false);
            this.server = new ForumServer(settings, storage, forum);
            this.port = server.start();
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
