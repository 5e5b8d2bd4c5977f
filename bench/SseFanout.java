import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSE fan-out benchmark client (bench/sse.sh runs it): opens N raw event streams on one thread's live route (guests,
 * plain sockets, a reader thread each), waits until every one got the server's "open" comment, then posts R replies
 * one after another as a member and measures, for each reply, the time from just before its POST was sent to the
 * arrival of its "reply" event on each stream. Prints one line per reply (delivered, p50, p99, max) and the totals.
 *
 * <p>Usage: java SseFanout.java BASE THREAD_ID "COOKIE" CSRF CLIENTS REPLIES
 */
public class SseFanout {
    private static final Pattern POST_ID = Pattern.compile("\"post_id\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long thread = Long.parseLong(args[1]);
        String cookie = args[2];
        String csrf = args[3];
        int clients = Integer.parseInt(args[4]);
        int replies = Integer.parseInt(args[5]);
        URI live = URI.create(base + "/api/v1/threads/" + thread + "/live");
        ConcurrentHashMap<Long, long[]> heard = new ConcurrentHashMap<>(); // post id -> arrival nanos per client
        CountDownLatch open = new CountDownLatch(clients);
        List<Socket> sockets = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(live.getHost(), live.getPort()), 30_000);
            s.getOutputStream().write(("GET " + live.getRawPath() + " HTTP/1.1\r\nHost: " + live.getHost() + "\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            sockets.add(s);
            int me = i;
            Thread t = new Thread(() -> read(s, me, clients, replies, heard, open), "sse-" + i);
            t.setDaemon(true);
            t.start();
        }
        if (!open.await(120, TimeUnit.SECONDS)) {
            System.out.println("only " + (clients - open.getCount()) + " of " + clients + " streams opened");
            System.exit(2);
        }
        System.out.printf("%d streams open in %.1f s%n", clients, (System.nanoTime() - connectStart) / 1e9);
        HttpClient http = HttpClient.newHttpClient();
        List<Double> all = new ArrayList<>();
        for (int r = 0; r < replies; r++) {
            HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/v1/threads/" + thread + "/posts"))
                    .header("Cookie", cookie).header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"fan-out reply " + r + "\"}")).build();
            long sent = System.nanoTime();
            HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
            long acked = System.nanoTime();
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("reply refused: " + answer.statusCode() + " " + answer.body());
            }
            Matcher m = Pattern.compile("\"post\":\\{\"id\":(\\d+)").matcher(answer.body());
            if (!m.find()) {
                throw new IllegalStateException("no post id in " + answer.body());
            }
            long id = Long.parseLong(m.group(1));
            long[] times = heard.computeIfAbsent(id, k -> new long[clients]);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && Arrays.stream(times).anyMatch(t -> t == 0)) {
                Thread.sleep(5);
            }
            double[] ms = Arrays.stream(times).filter(t -> t != 0).mapToDouble(t -> (t - sent) / 1e6).sorted().toArray();
            for (double d : ms) {
                all.add(d);
            }
            System.out.printf("reply %d: ack %.1f ms; delivered to %d of %d; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    r + 1, (acked - sent) / 1e6, ms.length, clients, pct(ms, 50), pct(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1]);
            Thread.sleep(1_000);
        }
        double[] total = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("TOTAL clients=%d replies=%d deliveries=%d/%d p50=%.1f p99=%.1f max=%.1f ms%n", clients, replies,
                total.length, clients * replies, pct(total, 50), pct(total, 99), total.length == 0 ? 0 : total[total.length - 1]);
        for (Socket s : sockets) {
            s.close();
        }
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void read(Socket s, int me, int clients, int replies, ConcurrentHashMap<Long, long[]> heard,
                             CountDownLatch open) {
        try (InputStream in = new BufferedInputStream(s.getInputStream())) {
            String status = line(in);
            if (!status.contains(" 200 ")) {
                System.out.println("stream " + me + ": " + status);
                return;
            }
            boolean reply = false;
            boolean opened = false;
            while (true) {
                String l = line(in);
                if (l.equals(": open") && !opened) {
                    opened = true;
                    open.countDown();
                } else if (l.equals("event: reply")) {
                    reply = true;
                } else if (reply && l.startsWith("data: ")) {
                    long now = System.nanoTime();
                    Matcher m = POST_ID.matcher(l);
                    if (m.find()) {
                        heard.computeIfAbsent(Long.parseLong(m.group(1)), k -> new long[clients])[me] = now;
                    }
                    reply = false;
                }
            }
        } catch (IOException e) {
            // closed at the end
        }
    }

    /** One line; chunk-size lines of a chunked answer come through as lines too and match nothing above. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("ended");
            }
            b.write(c);
        }
        String s = b.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
