package dev.forumkit.app;

import dev.forumkit.app.Load.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Torture: 256 clients (4x the load benchmark's 64 connections) read thread pages and post replies as fast as they
 * can against the jar at {@code -Xmx256m} with its default admission control. It must not crash or run out of memory,
 * must refuse the excess with 503 (or 429) instead of queueing it without bound (no request reaches the clients'
 * 10 s timeout), must keep the p99 of the accepted requests bounded (under 8 s, generous for a shared machine), and
 * must keep {@code /health} answering.
 * 10 s of overload here; {@code -Dforumkit.torture=true} makes it 60 s ({@code -Dforumkit.torture.overload.seconds=N}).
 */
class OverloadIT {
    private static final int CLIENTS = 256;
    private static final int QUIET_CLIENTS = 8;
    private static final int WRITERS = 16;

    @Test
    void four_times_the_benchmark_connections_are_served_or_refused_fast_and_nothing_falls_over(@TempDir Path data) throws Exception {
        int seconds = Integer.getInteger("forumkit.torture.overload.seconds", Boolean.getBoolean("forumkit.torture") ? 60 : 10);
        Map<String, String> settings = Map.of("FORUMKIT_DATA_DIR", data.toString(), "FORUMKIT_RATE_LIMITS", "false",
                "FORUMKIT_GUEST_CACHE", "false");
        String generated = JarProcess.command(settings, Members.generateArgs());
        try (JarProcess server = JarProcess.server(settings)) {
            String base = server.base();
            List<Members.ThreadRef> threads = Members.threads(generated, base, 20);
            List<Members.Session> writers = new ArrayList<>();
            for (int m = 1; m <= WRITERS; m++) {
                writers.add(Members.signIn(Load.client(), base, m));
            }
            Load.Step mixed = (http, client, n) -> {
                Members.ThreadRef t = threads.get((int) ((client * 7 + n) % threads.size()));
                if (client % 8 == 0) {
                    return new Load.Answer("reply", http.send(Members.reply(base, writers.get(client / 8 % WRITERS), t.id(),
                            "overload reply " + client + "/" + n), HttpResponse.BodyHandlers.ofString()));
                }
                return n % 2 == 0
                        ? new Load.Answer("html", http.send(Members.html(base + t.page(1)), HttpResponse.BodyHandlers.ofString()))
                        : new Load.Answer("json", http.send(Members.get(base + "/api/v1/threads/" + t.id()).build(),
                        HttpResponse.BodyHandlers.ofString()));
            };
            Load warm = Load.start(QUIET_CLIENTS, mixed);
            Thread.sleep(3_000);
            warm.stop();
            long quietStart = Load.now();
            Load quiet = Load.start(QUIET_CLIENTS, mixed);
            Thread.sleep(5_000);
            List<Sample> quietSamples = quiet.stop();
            double quietSeconds = (Load.now() - quietStart) / 1e9;

            long overloadStart = Load.now();
            Load overload = Load.start(CLIENTS, mixed);
            Load health = Load.start(1, (http, client, n) -> {
                Thread.sleep(100);
                return new Load.Answer("health", http.send(Members.get(base + "/health").build(), HttpResponse.BodyHandlers.ofString()));
            });
            long rssDuring = 0;
            for (int s = 0; s < seconds; s++) {
                Thread.sleep(1_000);
                rssDuring = Math.max(rssDuring, server.peakRssMib());
                assertThat(server.process.isAlive()).as("server alive after %d s of overload:\n%s", s, server.output()).isTrue();
            }
            List<Sample> samples = overload.stop();
            List<Sample> probes = health.stop();
            double overloadSeconds = (Load.now() - overloadStart) / 1e9;

            List<Sample> accepted = Load.where(samples, Sample::ok);
            List<Sample> quietAccepted = Load.where(quietSamples, Sample::ok);
            Map<String, Long> statuses = samples.stream().collect(Collectors.groupingBy(s -> s.status() + (s.status() == 503
                    ? " " + s.body().replaceAll(".*\"code\":\"([a-z_]+)\".*", "$1").replaceAll("(?s)<.*", "html") : ""),
                    TreeMap::new, Collectors.counting()));
            double quietP99 = Load.quantile(quietAccepted, 0.99);
            double p99 = Load.quantile(accepted, 0.99);
            System.out.printf(Locale.ROOT, "overload torture: %s%n  %s%n  %s%n  %s%n  statuses %s; p99 ratio overload/quiet %.1f;"
                            + " peak RSS %d MiB%n", Load.summary("quiet, " + QUIET_CLIENTS + " clients, accepted", quietAccepted, quietSeconds),
                    Load.summary(CLIENTS + " clients, accepted", accepted, overloadSeconds),
                    Load.summary(CLIENTS + " clients, refused", Load.where(samples, s -> !s.ok()), overloadSeconds),
                    Load.summary("/health during the overload", probes, overloadSeconds), statuses, p99 / quietP99, rssDuring);

            assertThat(Load.where(samples, s -> s.status() == Load.TIMEOUT)).as("requests that hung until the client gave up").isEmpty();
            // a connection the server closed just as the client reused it can fail a request at once: rare, never slow
            List<Sample> broken = Load.where(samples, s -> s.status() == Load.IO_ERROR);
            assertThat(broken.size()).as("requests failed at the connection: %s", broken).isLessThanOrEqualTo(samples.size() / 1000);
            assertThat(broken).allMatch(s -> s.millis() < 5_000);
            assertThat(Load.where(samples, s -> !s.ok() && s.status() != 503 && s.status() != 429)).as("other failures").isEmpty();
            assertThat(Load.where(samples, s -> s.status() == 503)).allMatch(Sample::retryAfter);
            // the server goes on doing useful work: accepted requests per second stay at a good share of the quiet
            // rate. (A share of all requests, as this said before, measured how fast refusals are: on a quiet machine
            // 256 clients get about 11 refusals per accepted request, and the landed build failed it too, 8.4 %.)
            double quietRate = quietAccepted.size() / quietSeconds;
            double overloadRate = accepted.size() / overloadSeconds;
            assertThat(overloadRate).as("accepted requests per second under overload (quiet: %.0f/s)", quietRate)
                    .isGreaterThan(quietRate / 3);
            // bounded by the 1 s queue timeout plus the work of at most 64 requests in flight; generous because this
            // 2-core machine is shared (5.7 s seen at load average 15, 2.7-4.2 s otherwise); unbounded queueing would
            // instead show as requests reaching the clients' 10 s timeout, asserted above
            assertThat(p99).as("p99 of the accepted requests under overload, ms").isLessThan(8_000);
            assertThat(probes).as("/health during the overload").isNotEmpty().allMatch(s -> s.status() == 200);

            assertThat(server.process.isAlive()).isTrue();
            assertThat(Load.once((http, c, n) -> new Load.Answer("health", http.send(Members.get(base + "/health").build(),
                    HttpResponse.BodyHandlers.ofString())), HttpClient.newHttpClient(), 0, 0).status()).isEqualTo(200);
            assertThat(server.output()).doesNotContain("OutOfMemoryError");
            assertThat(server.stop()).isIn(0, 143);
        }
        assertThat(JarProcess.command(settings, "recount")).contains("no difference");
    }
}
