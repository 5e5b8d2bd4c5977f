package dev.forumkit.app;

import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import dev.forumkit.web.ReplicaRouting;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code replica.jdbc.url} on a real server over two embedded PostgreSQL servers whose rows differ (the thread's
 * title says which database served a page): guests' page reads come from the replica; a member who just wrote reads
 * from the primary (the cookie the write set), and sees the reply the replica lacks; when the replica goes away, every
 * read goes to the primary.
 */
class ReadReplicaHttpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void page_reads_go_to_the_replica_except_right_after_a_write_and_fall_back_when_it_is_down() throws Exception {
        try (EmbeddedPostgres primaryPg = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            EmbeddedPostgres replicaPg = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
            try {
                String primaryUrl = "jdbc:postgresql://127.0.0.1:" + primaryPg.getPort() + "/postgres";
                String replicaUrl = "jdbc:postgresql://127.0.0.1:" + replicaPg.getPort() + "/postgres";
                long threadId = seed(primaryUrl, "Ride log (primary)");
                assertThat(seed(replicaUrl, "Ride log (replica)")).isEqualTo(threadId);

                Properties p = new Properties();
                p.setProperty("forumkit.replica.jdbc.url", replicaUrl);
                p.setProperty("forumkit.jdbc.user", "postgres");
                p.setProperty("forumkit.jdbc.password", "postgres");
                p.setProperty("forumkit.replica.stickiness", "30s");
                NodeSettings nodes = NodeSettings.load(p, Map.of());
                Settings settings = new Settings("127.0.0.1", 0, Path.of("unused"), primaryUrl, "postgres", "postgres", null,
                        null, null, null, false, false, false, false);
                ForumStorage storage = Storages.open(settings, nodes);
                Forum forum = Forum.create(storage, c -> c.passwordHasher(ForumFixture.fastHasher()).viewFlushInterval(Duration.ZERO));
                try (ForumServer server = new ForumServer(settings, storage, forum, LiveSettings.DEFAULT, MetricsSettings.OFF, nodes)) {
                    String base = "http://127.0.0.1:" + server.start();
                    String page = base + "/api/v1/threads/" + threadId;
                    assertThat(get(page, null).body()).as("a guest's page read").contains("Ride log (replica)");

                    HttpResponse<String> in = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"rider\",\"password\":\""
                                    + ForumFixture.PASSWORD + "\"}")).build());
                    assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
                    String session = cookie(in, "forumkit_session");
                    String csrf = in.body().replaceAll(".*\"csrf_token\":\"([^\"]+)\".*", "$1");
                    HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(page + "/posts"))
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .header("Cookie", session).header("X-CSRF-Token", csrf)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"only the primary has this\"}")).build());
                    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
                    String wrote = cookie(reply, ReplicaRouting.COOKIE);
                    assertThat(reply.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(ReplicaRouting.COOKIE)
                            && c.contains("Max-Age=30"));

                    String own = get(page, session + "; " + wrote).body();
                    assertThat(own).as("the writer's next page: the primary").contains("Ride log (primary)")
                            .contains("only the primary has this");
                    assertThat(get(page, null).body()).as("a guest meanwhile: the replica, which lags")
                            .contains("Ride log (replica)").doesNotContain("only the primary has this");

                    replicaPg.close();
                    replicaPg = null;
                    HttpResponse<String> fallback = get(page, null);
                    assertThat(fallback.statusCode()).as(fallback.body()).isEqualTo(200);
                    assertThat(fallback.body()).as("the replica is down: the primary").contains("Ride log (primary)");
                    assertThat(((JdbiForumStorage) storage).readReplicaState()).startsWith("down");
                }
            } finally {
                if (replicaPg != null) {
                    replicaPg.close();
                }
            }
        }
    }

    /** The same forum shape on a database (so ids agree), with the thread titled as given; answers the thread's id. */
    private static long seed(String url, String title) {
        try (JdbiForumStorage storage = JdbiForumStorage.connect(url, "postgres", "postgres");
             Forum forum = ForumFixture.forum(storage, Clock.systemUTC())) {
            ForumFixture fx = ForumFixture.on(forum, storage);
            Member rider = fx.member("rider");
            StartedThread t = fx.thread().by(rider).titled(title).start();
            return t.id().value();
        }
    }

    private static String cookie(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + r.headers())).split(";")[0];
    }

    private static HttpResponse<String> get(String url, String cookies) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (cookies != null) {
            b.header("Cookie", cookies);
        }
        return send(b.build());
    }

    private static HttpResponse<String> send(HttpRequest r) throws Exception {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }
}
