package dev.forumkit.app;

import dev.forumkit.app.Load.Sample;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Torture: 100 parallel sign-ins with wrong passwords while guests read thread pages. The guests' p99 must stay
 * within 4x of its quiet value measured just before, in the same run: the rate limits refuse most attempts (429),
 * the password work runs on a small bounded pool and a full queue answers 503 at once. Run with the rate limits on
 * (the default) and off, so that the hashing itself is hit hard. {@code -Dforumkit.torture=true} floods 5 times.
 */
class SignInFloodIT {
    private static final int GUESTS = 4;
    private static final int ATTEMPTS = 100;
    private static final double ALLOWED_RATIO = 4.0;

    @TempDir
    static Path data;
    static String generated;

    @BeforeAll
    static void generate() throws Exception {
        generated = JarProcess.command(Map.of("FORUMKIT_DATA_DIR", data.toString()), Members.generateArgs());
    }

    @Test
    void with_rate_limits_guests_barely_notice_a_sign_in_flood() throws Exception {
        flood(true);
    }

    @Test
    void without_rate_limits_the_bounded_hashing_pool_keeps_guests_fast() throws Exception {
        flood(false);
    }

    private static void flood(boolean rateLimits) throws Exception {
        int rounds = Boolean.getBoolean("forumkit.torture") ? 5 : 1;
        Map<String, String> settings = Map.of("FORUMKIT_DATA_DIR", data.toString(), "FORUMKIT_GUEST_CACHE", "false",
                "FORUMKIT_RATE_LIMITS", Boolean.toString(rateLimits));
        try (JarProcess server = JarProcess.server(settings)) {
            String base = server.base();
            List<Members.ThreadRef> threads = Members.threads(generated, base, 20);
            Load guests = Load.start(GUESTS, (http, client, n) -> {
                Members.ThreadRef t = threads.get((int) ((client * 7 + n) % threads.size()));
                return n % 2 == 0
                        ? new Load.Answer("html", http.send(Members.html(base + t.page(1)), HttpResponse.BodyHandlers.ofString()))
                        : new Load.Answer("json", http.send(Members.get(base + "/api/v1/threads/" + t.id()).build(),
                        HttpResponse.BodyHandlers.ofString()));
            });
            Thread.sleep(3_000); // warm-up
            for (int round = 0; round < rounds; round++) {
                long quietStart = Load.now();
                Thread.sleep(4_000);
                long floodStart = Load.now();
                List<Sample> attempts = signInFlood(base, round);
                long floodEnd = Math.max(Load.now(), floodStart + 2_000_000_000L);
                Thread.sleep(Math.max(0, (floodEnd - Load.now()) / 1_000_000));
                List<Sample> all = guests.samples();
                List<Sample> quiet = Load.where(all, Load.startedBetween(quietStart, floodStart));
                List<Sample> during = Load.where(all, Load.startedBetween(floodStart, floodEnd));
                double ratio = Load.quantile(during, 0.99) / Load.quantile(quiet, 0.99);
                Map<Integer, Long> statuses = attempts.stream().collect(Collectors.groupingBy(Sample::status, TreeMap::new,
                        Collectors.counting()));
                System.out.printf(Locale.ROOT, "sign-in flood (rate limits %s, round %d): %d attempts in %.1f s, statuses %s;"
                                + " attempts p99 %.0f ms%n  guests %s%n  guests %s%n  guest p99 ratio flood/quiet %.2f%n",
                        rateLimits ? "on" : "off", round + 1, ATTEMPTS, (floodEnd - floodStart) / 1e9, statuses,
                        Load.quantile(attempts, 0.99), Load.summary("quiet", quiet, (floodStart - quietStart) / 1e9),
                        Load.summary("during the flood", during, (floodEnd - floodStart) / 1e9), ratio);

                assertThat(attempts).as("no attempt signs in, hangs or fails otherwise")
                        .allMatch(s -> s.status() == 401 || s.status() == 429 || s.status() == 503);
                assertThat(Load.where(attempts, s -> s.status() == 429 || s.status() == 503)).allMatch(Sample::retryAfter);
                if (rateLimits) {
                    assertThat(Load.where(attempts, s -> s.status() == 429)).as("refused by the per-address limit").isNotEmpty();
                } else {
                    assertThat(Load.where(attempts, s -> s.status() == 401)).as("attempts that were really hashed").isNotEmpty();
                }
                assertThat(Load.where(all, s -> !s.ok())).as("guest requests that failed").isEmpty();
                assertThat(ratio).as("guest p99 during the flood over its quiet value").isLessThanOrEqualTo(ALLOWED_RATIO);
            }
            guests.stop();
            assertThat(server.stop()).isIn(0, 143);
        }
    }

    /** 100 wrong-password sign-ins for 100 different members, all let go at the same moment. */
    private static List<Sample> signInFlood(String base, int round) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Sample>> results = new ArrayList<>();
        HttpClient[] http = new HttpClient[10];
        for (int i = 0; i < http.length; i++) {
            http[i] = Load.client();
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            int member = 1 + (i + round * ATTEMPTS) % 300;
            CompletableFuture<Sample> f = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                f.complete(Load.once((client, c, n) -> new Load.Answer("sign-in", client.send(Members.signInRequest(base, member,
                        "not the password"), HttpResponse.BodyHandlers.ofString())), http[member % http.length], 0, 0));
            }, "sign-in-" + i);
            t.setDaemon(true);
            t.start();
            results.add(f);
        }
        go.countDown();
        List<Sample> samples = new ArrayList<>();
        for (CompletableFuture<Sample> f : results) {
            samples.add(f.get());
        }
        return samples;
    }
}
