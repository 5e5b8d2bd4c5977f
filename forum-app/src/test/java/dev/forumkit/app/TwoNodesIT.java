package dev.forumkit.app;

import dev.forumkit.testkit.EventStreamClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes (the packaged jar) on one embedded PostgreSQL, on loopback, as two nodes behind a load
 * balancer: a session made on A works on B and signing out on B ends it on A; a guest page cached on B is fresh after
 * a write on A; the sign-in limit counts attempts on both nodes as one; {@code kill -9} of A loses nothing A
 * acknowledged, and B keeps serving.
 */
class TwoNodesIT {
    private static final HttpClient HTTP = Load.client();

    @Test
    void two_nodes_on_one_postgresql_share_sessions_cache_invalidation_and_rate_limits_and_survive_a_kill(@TempDir Path pgData)
            throws Exception {
        int pgPort = freePort();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(pgData).setPort(pgPort)
                .setServerConfig("max_connections", "100").start()) {
            Map<String, String> settings = Map.of("FORUMKIT_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                    "FORUMKIT_JDBC_USER", "postgres", "FORUMKIT_JDBC_PASSWORD", "postgres");
            String generated = JarProcess.command(settings, "generate", "--members", "20", "--boards", "2", "--threads", "4",
                    "--posts", "40", "--reactions", "10", "--seed", "3");
            try (JarProcess a = JarProcess.server(settings); JarProcess b = JarProcess.server(settings)) {
                String onA = a.base();
                String onB = b.base();
                assertThat(get(onA + "/ready").statusCode()).isEqualTo(200);
                assertThat(get(onB + "/ready").statusCode()).isEqualTo(200);
                Members.ThreadRef thread = Members.threads(generated, onA, 1).get(0);

                // a session made on A works on B; signing out on B ends it on A too
                Members.Session one = Members.signIn(HTTP, onA, 1);
                assertThat(get(onB + "/api/v1/me", one).body()).contains("\"username\"");
                Members.Session two = Members.signIn(HTTP, onB, 2);
                assertThat(get(onA + "/api/v1/me", two).statusCode()).isEqualTo(200);
                assertThat(send(HttpRequest.newBuilder(URI.create(onB + "/api/v1/session")).header("Cookie", two.cookie())
                        .header("X-CSRF-Token", two.csrf()).header("Accept", "application/json").DELETE().build()).statusCode())
                        .isBetween(200, 204);
                assertThat(get(onA + "/api/v1/me", two).statusCode()).as("signed out on B, so on A too").isEqualTo(401);

                // a guest page cached on B is fresh after a write on A
                String page = onB + "/api/v1/threads/" + thread.id();
                get(page);
                assertThat(get(page).headers().firstValue("X-Forum-Cache")).as("B caches guest pages on PostgreSQL").contains("hit");
                HttpResponse<String> reply = send(Members.reply(onA, one, thread.id(), "written on A, read on B"));
                assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
                long wroteAt = System.nanoTime();
                HttpResponse<String> seen = get(page);
                while (!seen.body().contains("written on A, read on B") && System.nanoTime() - wroteAt < 2_000_000_000L) {
                    Thread.sleep(20);
                    seen = get(page);
                }
                assertThat(seen.body()).as("B's cached page after A's write (within 2 s)").contains("written on A, read on B");
                System.out.printf("two nodes: B served the page with A's reply %.0f ms after A acknowledged it%n",
                        (System.nanoTime() - wroteAt) / 1e6);

                // a reply posted on A reaches an SSE client on B (a guest, reading the thread's stream)
                try (EventStreamClient live = EventStreamClient.open(URI.create(onB + "/api/v1/threads/" + thread.id() + "/live"),
                        Map.of())) {
                    assertThat(live.status()).isEqualTo(200);
                    HttpResponse<String> posted = send(Members.reply(onA, one, thread.id(), "live from A"));
                    while (posted.statusCode() == 429) { // the posting limit: one per 5 s, and this member just replied
                        Thread.sleep(500);
                        posted = send(Members.reply(onA, one, thread.id(), "live from A"));
                    }
                    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
                    long postedAt = System.nanoTime();
                    long postId = Members.postId(posted.body());
                    EventStreamClient.Event heard = live.next("reply", Duration.ofSeconds(30));
                    while (heard != null && !heard.data().contains("\"post_id\":" + postId + ",")) {
                        heard = live.next("reply", Duration.ofSeconds(30));
                    }
                    assertThat(heard).as("B's stream told of the reply posted on A").isNotNull();
                    double millis = (heard.receivedNanos() - postedAt) / 1e6;
                    System.out.printf("two nodes: an SSE client on B heard of A's reply %.0f ms after A acknowledged it (%s 2 s)%n",
                            millis, millis <= 2_000 ? "within" : "NOT within");
                }

                // the per-account sign-in limit (10 in 5 minutes) counts the attempts on both nodes as one budget
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 11; i++) {
                    statuses.add(send(Members.signInRequest(i % 2 == 0 ? onA : onB, 3, "not the password")).statusCode());
                }
                assertThat(statuses.subList(0, 10)).as("ten wrong passwords, five on each node").containsOnly(401);
                assertThat(statuses.get(10)).as("the eleventh, on A: the limit holds across nodes").isEqualTo(429);
                assertThat(send(Members.signInRequest(onB, 3, DataGenerator.PASSWORD)).statusCode())
                        .as("and on B, even with the right password").isEqualTo(429);

                // kill -9 of A while members reply through it: everything A acknowledged is there, and B keeps serving
                List<Members.Session> writers = new ArrayList<>();
                for (int m = 4; m <= 7; m++) {
                    writers.add(Members.signIn(HTTP, onA, m));
                }
                ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> threads = new ArrayList<>();
                for (Members.Session s : writers) {
                    Thread w = new Thread(() -> {
                        for (int n = 0; !stop.get(); n++) {
                            try {
                                HttpResponse<String> r = send(Members.reply(onA, s, thread.id(), "before the kill " + n));
                                if (r.statusCode() == 201) {
                                    acknowledged.add(Members.postId(r.body()));
                                }
                                Thread.sleep(r.statusCode() == 429 ? 500 : 50); // the posting limit: one per 5 s
                            } catch (Exception e) {
                                return; // A is gone
                            }
                        }
                    });
                    w.start();
                    threads.add(w);
                }
                Thread.sleep(1_500);
                a.kill();
                stop.set(true);
                for (Thread w : threads) {
                    w.join(15_000);
                }
                assertThat(acknowledged).as("replies A acknowledged before it was killed").isNotEmpty();
                for (long id : acknowledged) {
                    assertThat(get(onB + "/api/v1/posts/" + id).statusCode()).as("acknowledged reply %d, read on B", id).isEqualTo(200);
                }
                assertThat(get(onB + "/ready").statusCode()).isEqualTo(200);
                Members.Session late = Members.signIn(HTTP, onB, 8); // 19 sign-ins from this address so far, of 20 a minute
                HttpResponse<String> after = send(Members.reply(onB, late, thread.id(), "B goes on"));
                assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
                assertThat(get(onB + "/api/v1/threads/" + thread.id()).statusCode()).isEqualTo(200);
                assertThat(b.stop()).isIn(0, 143);
            }
            // the recount's pool fails fast like the server's; on a loaded machine its first connection may take longer
            JarProcess.Ended recount = JarProcess.run(List.of(), settings, "recount");
            for (int retry = 0; retry < 3 && recount.output().contains("StorageUnavailableException"); retry++) {
                recount = JarProcess.run(List.of(), settings, "recount");
            }
            assertThat(recount.output()).contains("no difference");
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return send(Members.get(url).build());
    }

    private static HttpResponse<String> get(String url, Members.Session s) throws Exception {
        return send(Members.get(url).header("Cookie", s.cookie()).build());
    }

    private static HttpResponse<String> send(HttpRequest r) throws Exception {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
