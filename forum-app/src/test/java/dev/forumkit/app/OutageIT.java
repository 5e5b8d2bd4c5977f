package dev.forumkit.app;

import dev.forumkit.app.Load.Sample;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Torture: PostgreSQL stops for 10 seconds under reads and replies. While it is away every request fails fast (503
 * with a JSON error, or the HTML error page; none takes 5 s); once it is back the server recovers by itself within
 * 5 s; every reply a client saw acknowledged is there afterwards and {@code recount} finds no difference. One outage
 * here; {@code -Dforumkit.torture=true} runs three ({@code -Dforumkit.torture.outages=N} to choose).
 */
class OutageIT {
    private static final long SECOND = 1_000_000_000L;
    private static final int OUTAGE_SECONDS = Integer.getInteger("forumkit.torture.outage.seconds", 10);
    private static final int READERS = 4;
    private static final int WRITERS = 4;

    @Test
    void requests_fail_fast_while_postgresql_is_down_and_the_server_recovers_by_itself(@TempDir Path pgData) throws Exception {
        int outages = Integer.getInteger("forumkit.torture.outages", Boolean.getBoolean("forumkit.torture") ? 3 : 1);
        int pgPort = freePort();
        EmbeddedPostgres pg = postgres(pgData, pgPort);
        try {
            Map<String, String> settings = Map.of("FORUMKIT_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                    "FORUMKIT_JDBC_USER", "postgres", "FORUMKIT_JDBC_PASSWORD", "postgres", "FORUMKIT_RATE_LIMITS", "false");
            String generated = JarProcess.command(settings, Members.generateArgs());
            List<Sample> samples;
            List<long[]> downtimes = new ArrayList<>();
            List<Integer> liveDuringOutage = new ArrayList<>();
            try (JarProcess server = JarProcess.server(settings)) {
                String base = server.base();
                // on PostgreSQL the search index lives in the shared database (nothing node-local), and it answers
                assertThat(server.output()).contains("search: PostgreSQL full-text search in the database");
                assertThat(Load.client().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
                                + "/api/v1/search?q=the")).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                        .statusCode()).as("a search on PostgreSQL").isEqualTo(200);
                List<Members.ThreadRef> threads = Members.threads(generated, base, 20);
                List<Members.Session> writers = new ArrayList<>();
                for (int m = 1; m <= WRITERS; m++) {
                    writers.add(Members.signIn(Load.client(), base, m));
                }
                Load load = Load.start(READERS + WRITERS, (http, client, n) -> {
                    Members.ThreadRef t = threads.get((int) ((client * 7 + n) % threads.size()));
                    if (client < WRITERS) {
                        return new Load.Answer("reply", http.send(Members.reply(base, writers.get(client), t.id(),
                                "outage test reply " + client + "/" + n), HttpResponse.BodyHandlers.ofString()));
                    }
                    return switch ((int) (n % 3)) {
                        case 0 -> new Load.Answer("json", http.send(Members.get(base + "/api/v1/threads/" + t.id()).build(),
                                HttpResponse.BodyHandlers.ofString()));
                        case 1 -> new Load.Answer("html", http.send(Members.html(base + t.page(1)), HttpResponse.BodyHandlers.ofString()));
                        default -> new Load.Answer("ready", http.send(Members.get(base + "/ready").build(),
                                HttpResponse.BodyHandlers.ofString()));
                    };
                });
                for (int i = 0; i < outages; i++) {
                    Thread.sleep(3_000);
                    long down = Load.now();
                    pg.close(); // pg_ctl stop -m fast: sessions are cut, the port closes
                    Thread.sleep(OUTAGE_SECONDS * 500L);
                    liveDuringOutage.add(Load.once((http, c, n) -> new Load.Answer("live", http.send(Members.get(base + "/health")
                            .build(), HttpResponse.BodyHandlers.ofString())), Load.client(), 0, 0).status());
                    Thread.sleep(OUTAGE_SECONDS * 500L);
                    long restart = Load.now();
                    pg = postgres(pgData, pgPort); // same files, same port
                    downtimes.add(new long[] {down, Load.now(), restart});
                    Thread.sleep(7_000);
                }
                samples = load.stop();
                List<Long> acknowledged = Load.where(samples, s -> s.kind().equals("reply") && s.status() == 201).stream()
                        .map(s -> Members.postId(s.body())).toList();
                assertThat(acknowledged).isNotEmpty();
                for (long id : acknowledged) {
                    assertThat(Load.once((http, c, n) -> new Load.Answer("check", http.send(Members.get(base + "/api/v1/posts/" + id)
                            .build(), HttpResponse.BodyHandlers.ofString())), Load.client(), 0, 0).status())
                            .as("acknowledged reply %d is there", id).isEqualTo(200);
                }
                report(samples, downtimes, acknowledged.size());
                assertThat(server.stop()).isIn(0, 143);
                assertThat(server.output()).doesNotContain("OutOfMemoryError");
            }
            assertThat(JarProcess.command(settings, "recount")).contains("no difference");

            assertThat(Load.where(samples, s -> !s.ok() && s.status() != 503)).as("only 503s, no hangs or other failures").isEmpty();
            assertThat(liveDuringOutage).as("/health (liveness) during the outage: the process serves, so nobody restarts it")
                    .isNotEmpty().allMatch(status -> status == 200);
            assertThat(Load.quantile(samples, 1.0)).as("slowest request, ms").isLessThan(5_000);
            for (Sample s : Load.where(samples, s -> s.status() == 503)) {
                switch (s.kind()) {
                    case "html" -> assertThat(s.body()).contains("<html").contains("data-error-code=\"storage_unavailable\"");
                    case "ready" -> assertThat(s.body()).contains("\"database\":\"down\"");
                    default -> assertThat(s.body()).startsWith("{\"errors\":[{\"code\":\"storage_unavailable\"");
                }
            }
            for (long[] d : downtimes) {
                // a request still waiting for a connection when the database returns may succeed: only those that
                // were answered before the restart began must have failed
                assertThat(Load.where(samples, Load.startedBetween(d[0] + SECOND, d[2] - 3 * SECOND)))
                        .as("requests during the outage").isNotEmpty().allMatch(s -> s.status() == 503);
                for (String kind : List.of("reply", "json", "html", "ready")) {
                    assertThat(Load.where(samples, s -> s.kind().equals(kind)).stream().filter(Load.startedBetween(d[1] + 5 * SECOND,
                            d[1] + 7 * SECOND))).as("%s requests from 5 s after the database is back", kind)
                            .isNotEmpty().allMatch(Sample::ok);
                }
            }
        } finally {
            pg.close();
        }
    }

    private static void report(List<Sample> samples, List<long[]> downtimes, int acknowledged) {
        StringBuilder r = new StringBuilder("outage torture: ").append(samples.size()).append(" requests, ")
                .append(acknowledged).append(" replies acknowledged (all found)\n");
        long first = samples.stream().mapToLong(Sample::start).min().orElse(0);
        r.append("  ").append(Load.summary("before the first outage", Load.where(samples, Load.startedBetween(first, downtimes.get(0)[0])),
                (downtimes.get(0)[0] - first) / 1e9)).append('\n');
        for (long[] d : downtimes) {
            for (String kind : List.of("reply", "json", "html", "ready")) {
                List<Sample> k = Load.where(samples, s -> s.kind().equals(kind));
                long firstOk = Load.where(k, s -> s.ok() && s.end() > d[0] + SECOND).stream().mapToLong(Sample::end).min()
                        .orElse(Long.MAX_VALUE);
                r.append(String.format(Locale.ROOT, "  first %s success %.2f s after the database was back (started %.2f s"
                                + " after the restart began); from then on: %s%n", kind, (firstOk - d[1]) / 1e9,
                        (firstOk - d[2]) / 1e9, Load.summary(kind, Load.where(k, Load.startedBetween(d[1], d[1] + 7 * SECOND)), 7)));
            }
            List<Sample> during = Load.where(samples, Load.startedBetween(d[0], d[1]));
            long lastFailureEnd = Load.where(samples, s -> !s.ok() && s.start() >= d[0] && s.start() < d[1] + 7 * SECOND)
                    .stream().mapToLong(Sample::end).max().orElse(d[1]);
            r.append(String.format(Locale.ROOT, "  outage of %.1f s: %d requests, %d x 503, p50 %.0f ms, p99 %.0f ms, max %.0f ms;"
                            + " last failure answered %.2f s after the database was back (%.2f s after the restart began)%n",
                    (d[1] - d[0]) / 1e9, during.size(), during.stream().filter(s -> s.status() == 503).count(),
                    Load.quantile(during, 0.5), Load.quantile(during, 0.99), Load.quantile(during, 1.0),
                    (lastFailureEnd - d[1]) / 1e9, (lastFailureEnd - d[2]) / 1e9));
        }
        System.out.print(r);
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("max_connections", "100").start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
