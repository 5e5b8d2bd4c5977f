package dev.forumkit.app;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Closed-loop load for the torture tests: each client thread sends its next request as soon as the last one is
 * answered and every answer is kept as a {@link Sample} (status, start and duration), so tests can ask what happened
 * in any window of time.
 */
final class Load {
    static final int TIMEOUT = -1;
    static final int IO_ERROR = -2;
    private static final long ORIGIN = System.nanoTime();

    /** One request as a client saw it; times in nanoseconds since the test JVM's origin. */
    record Sample(String kind, int status, long start, long nanos, String body, boolean retryAfter) {
        long end() {
            return start + nanos;
        }

        boolean ok() {
            return status / 100 == 2 || status / 100 == 3;
        }

        double millis() {
            return nanos / 1e6;
        }
    }

    /** What a client does next: one request, sent with the given HTTP client; returns its kind and the response. */
    interface Step {
        Answer call(HttpClient http, int client, long n) throws IOException, InterruptedException;
    }

    record Answer(String kind, HttpResponse<String> response) {
    }

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    private Load(int clients, Step step) {
        HttpClient[] http = new HttpClient[Math.max(1, clients / 16)];
        for (int i = 0; i < http.length; i++) {
            http[i] = client();
        }
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                for (long n = 0; !stop.get(); n++) {
                    samples.add(once(step, http[client % http.length], client, n));
                }
            }, "load-" + c);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static Load start(int clients, Step step) {
        return new Load(clients, step);
    }

    /** One timed request outside a load (probes, single sign-ins). */
    static Sample once(Step step, HttpClient http, int client, long n) {
        long t0 = System.nanoTime();
        try {
            Answer a = step.call(http, client, n);
            HttpResponse<String> r = a.response();
            return new Sample(a.kind(), r.statusCode(), t0 - ORIGIN, System.nanoTime() - t0,
                    r.statusCode() / 100 != 2 || a.kind().equals("reply") ? r.body() : null, r.headers().firstValue("Retry-After").isPresent());
        } catch (HttpTimeoutException e) {
            return new Sample("?", TIMEOUT, t0 - ORIGIN, System.nanoTime() - t0, e.toString(), false);
        } catch (IOException e) {
            return new Sample("?", IO_ERROR, t0 - ORIGIN, System.nanoTime() - t0, e.toString(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sample("?", IO_ERROR, t0 - ORIGIN, System.nanoTime() - t0, e.toString(), false);
        }
    }

    static long now() {
        return System.nanoTime() - ORIGIN;
    }

    /** Everything answered so far. */
    List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    /** Stops the clients after their current request and returns every sample. */
    List<Sample> stop() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join(30_000);
        }
        return samples();
    }

    static List<Sample> where(List<Sample> samples, Predicate<Sample> p) {
        return samples.stream().filter(p).toList();
    }

    static Predicate<Sample> startedBetween(long from, long to) {
        return s -> s.start() >= from && s.start() < to;
    }

    /** The q-th quantile (0..1) of the durations in milliseconds; NaN when there are none. */
    static double quantile(List<Sample> samples, double q) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Sample> sorted = samples.stream().sorted(Comparator.comparingLong(Sample::nanos)).toList();
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))).millis();
    }

    static String summary(String name, List<Sample> samples, double seconds) {
        return String.format(Locale.ROOT, "%s: %d requests (%.0f/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms", name,
                samples.size(), samples.size() / seconds, quantile(samples, 0.5), quantile(samples, 0.99), quantile(samples, 1.0));
    }
}
