import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A thread page's steady-state cost in one JVM (issue 18, task pagecost): starts the forum jar's {@code Main} in this
 * process on a data set made by bench/run.sh, then asks for random thread pages over one kept-alive HTTP/1.1
 * connection, one at a time, and reports per page, for each kind (guest JSON, guest HTML, signed-in HTML):
 * <ul>
 *   <li>bytes allocated and CPU time of the request threads (their own counters: {@code
 *       com.sun.management.ThreadMXBean}), which another process's load moves little;</li>
 *   <li>CPU of every other thread of the process by group (GC, G1 concurrent, C1/C2, the rest), from
 *       /proc/self/task (10 ms ticks: use thousands of pages);</li>
 *   <li>young/old collections and their pause time per page.</li>
 * </ul>
 * The same seeded sequence of threads for every run, so two jars can be compared in interleaved runs:
 * <pre>
 *   javac -cp forum-app/target/forumkit.jar -d bench/out/pc bench/PageCost.java
 *   java -Xmx256m -cp A.jar:bench/out/pc PageCost bench/data/h2-1000000 [warm-up pages] [pages] [rounds]
 * </pre>
 * The data set is written to (view counts, the outbox): use a copy. {@code -Dpc.jfr=DIR} records round 1 of every kind
 * with JFR (allocation with stacks; with {@code -Dpc.cpu=true} execution samples every millisecond instead:
 * summarise with bench/JfrLayers.java). {@code -Dpc.dump=DIR} writes the bodies of the first 40 threads' pages of every
 * kind to DIR and exits (to compare two jars' pages byte for byte).
 */
public final class PageCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int pages = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String gen = Files.readString(data.resolve("generate.txt"));
        Matcher m = Pattern.compile("threads (\\d+)\\.\\.(\\d+)").matcher(gen);
        if (!m.find()) {
            throw new IllegalStateException("no thread range in generate.txt");
        }
        int first = Integer.parseInt(m.group(1)) + 1; // the mega-thread is the first
        int last = Integer.parseInt(m.group(2));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        System.setProperty("forumkit.host", "127.0.0.1");
        System.setProperty("forumkit.port", Integer.toString(port));
        System.setProperty("forumkit.data.dir", data.toAbsolutePath().toString());
        System.setProperty("forumkit.bench.routes", "true");
        System.setProperty("forumkit.rate.limits", "false");
        // -Dpc.cache=on: the guest page cache on (guest pages then are hits or misses of it; signed-in pages bypass it)
        boolean cache = "on".equals(System.getProperty("pc.cache"));
        System.setProperty("forumkit.guest.cache", Boolean.toString(cache));
        Class.forName("dev.forumkit.app.Main").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        String base = "http://127.0.0.1:" + port;
        String h2Cache = System.getProperty("pc.h2cache"); // KB: H2's page cache for this run (the URL sets 64 MB)
        if (h2Cache != null) { // an in-process connection to the same file shares the server's open database
            try (var c = java.sql.DriverManager.getConnection(
                    dev.forumkit.persistence.jdbi.ConnectionPools.embeddedH2Url(data), "sa", "");
                 var st = c.createStatement()) {
                st.execute("SET CACHE_SIZE " + Integer.parseInt(h2Cache));
                try (var r = st.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'CACHE_SIZE'")) {
                    System.out.println("H2 cache size now " + (r.next() ? r.getString(1) : "?") + " KB");
                }
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\":\"member1@example.com\",\"password\":\"bench-password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = signIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("forumkit_session=")).findFirst().orElseThrow().split(";")[0];
        // canonical HTML paths of 2,000 random threads (the same for every run: seeded); -Dpc.threads=N for more
        int count = Integer.getInteger("pc.threads", 2000);
        Random random = new Random(1);
        List<Integer> ids = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        HttpClient noRedirect = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < count; i++) {
            int id = first + random.nextInt(last - first + 1);
            HttpResponse<Void> r = noRedirect.send(HttpRequest.newBuilder(URI.create(base + "/threads/t." + id + "/"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            String location = r.headers().firstValue("Location").orElse(null);
            if (location != null) {
                ids.add(id);
                paths.add(URI.create(base).resolve(location).getPath());
            }
        }
        Map<String, Kind> kinds = new LinkedHashMap<>();
        kinds.put("guest_json", i -> HttpRequest.newBuilder(URI.create(base + "/api/v1/threads/" + ids.get(i)))
                .header("Accept", "application/json").build());
        kinds.put("guest_html", i -> HttpRequest.newBuilder(URI.create(base + paths.get(i)))
                .header("Accept", "text/html").build());
        kinds.put("signed_html", i -> HttpRequest.newBuilder(URI.create(base + paths.get(i)))
                .header("Accept", "text/html").header("Cookie", cookie).build());
        String only = System.getProperty("pc.kinds"); // e.g. guest_json,guest_html: only these kinds
        if (only != null) {
            kinds.keySet().retainAll(List.of(only.split(",")));
        }
        String dump = System.getProperty("pc.dump"); // a directory: the bodies of the first 40 threads' pages, then exit
        if (dump != null) {
            Files.createDirectories(Path.of(dump));
            for (var k : kinds.entrySet()) {
                for (int i = 0; i < Math.min(40, ids.size()); i++) {
                    HttpResponse<byte[]> r = http.send(k.getValue().request(i), HttpResponse.BodyHandlers.ofByteArray());
                    Files.write(Path.of(dump, String.format("%s-%02d-%d.txt", k.getKey(), i, r.statusCode())), r.body());
                }
            }
            System.exit(0);
        }
        System.out.printf("%d threads, load %s%n", ids.size(), Files.readString(Path.of("/proc/loadavg")).trim());
        int[] next = {0};
        if (System.getProperty("pc.jfr") != null && Boolean.getBoolean("pc.cpu")) {
            // the first recording of a JVM instruments the event classes (Jdbi's statement events too) and so
            // deoptimises what inlined them: start one before the warm-up, kept to the end, so that the JIT has
            // settled again before the kinds' own recordings start
            jdk.jfr.Recording priming = new jdk.jfr.Recording();
            priming.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1)).withStackTrace();
            priming.enable("jdk.NativeMethodSample").withPeriod(java.time.Duration.ofMillis(20)).withStackTrace();
            priming.setToDisk(false);
            priming.setMaxSize(1 << 20);
            priming.start();
        }
        for (var k : kinds.entrySet()) { // warm-up: every kind, so the JIT sees them all before any is measured
            run(http, k.getValue(), ids.size(), next, warm);
        }
        for (int round = 1; round <= rounds; round++) {
            for (var k : kinds.entrySet()) {
                String jfr = System.getProperty("pc.jfr"); // a directory: a JFR recording (profile settings) per kind, round 1
                jdk.jfr.Recording rec = null;
                if (jfr != null && round == 1 && Boolean.getBoolean("pc.cpu")) {
                    // -Dpc.cpu=true: a CPU profile only - execution samples every millisecond (JFR's finest period)
                    // and nothing else, so the recording itself moves the page's CPU as little as possible
                    rec = new jdk.jfr.Recording();
                    rec.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1)).withStackTrace();
                    rec.enable("jdk.NativeMethodSample").withPeriod(java.time.Duration.ofMillis(20)).withStackTrace();
                    rec.start();
                } else if (jfr != null && round == 1) {
                    rec = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                    // every new TLAB and every allocation outside one, with its stack: weighed by size, an unbiased
                    // picture of where the bytes go (the throttled jdk.ObjectAllocationSample is not)
                    rec.enable("jdk.ObjectAllocationInNewTLAB").withStackTrace();
                    rec.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
                    rec.disable("jdk.ObjectAllocationSample");
                    rec.start();
                }
                String cache0 = cache ? cacheStats(http, base) : null;
                long windowStart = System.currentTimeMillis();
                Sample before = Sample.take();
                long bytes = run(http, k.getValue(), ids.size(), next, pages);
                Sample after = Sample.take();
                String cacheRow = cache ? cacheRow(cache0, cacheStats(http, base)) : "";
                if (rec != null) {
                    rec.stop();
                    rec.dump(Path.of(jfr, k.getKey() + ".jfr"));
                    // a dump holds whole chunks, so events from before the recording too (the warm-up's, when a
                    // priming recording runs): the kind's own window, for bench/JfrLayers.java to keep only those
                    Files.writeString(Path.of(jfr, k.getKey() + ".jfr.window"), windowStart + " " + System.currentTimeMillis() + "\n");
                    rec.close();
                }
                long old = 0;
                for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getName().contains("Old Gen") && pool.getCollectionUsage() != null) {
                        old = pool.getCollectionUsage().getUsed(); // after the last collection that touched it
                    }
                }
                System.out.printf("round %d %-11s %s, old gen %d MB, %,d B body/page%s, load %s%n", round, k.getKey(),
                        after.minus(before, pages), old >> 20, bytes / pages, cacheRow,
                        Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
            }
        }
        if (Boolean.getBoolean("pc.bythread")) { // CPU ticks by thread name over the whole run (the busiest 15)
            Map<String, Long> by = new TreeMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        by.merge(comm, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                    } catch (IOException | RuntimeException gone) {
                        // ended meanwhile
                    }
                }
            }
            by.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                    .forEach(e -> System.out.printf("thread ticks %-24s %d%n", e.getKey(), e.getValue()));
        }
        System.exit(0);
    }

    /** The guest page cache's counters (/bench/guest-cache): hits misses stored evicted entries bytes. */
    private static String cacheStats(HttpClient http, String base) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/bench/guest-cache")).build(),
                HttpResponse.BodyHandlers.ofString()).body().trim();
    }

    private static String cacheRow(String before, String after) {
        String[] a = before.split(" ");
        String[] b = after.split(" ");
        long hits = Long.parseLong(b[0]) - Long.parseLong(a[0]);
        long misses = Long.parseLong(b[1]) - Long.parseLong(a[1]);
        return String.format(", cache %d hits %d misses (%.1f %%), %s entries %.1f MB held", hits, misses,
                100.0 * hits / Math.max(1, hits + misses), b[4], Long.parseLong(b[5]) / 1048576.0);
    }

    interface Kind {
        HttpRequest request(int i);
    }

    private static long run(HttpClient http, Kind kind, int size, int[] next, int n) throws IOException, InterruptedException {
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            HttpResponse<byte[]> r = http.send(kind.request(next[0]++ % size), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("status " + r.statusCode() + ": " + new String(r.body()));
            }
            bytes += r.body().length;
        }
        return bytes;
    }

    record Sample(long requestAlloc, long requestCpu, Map<String, Long> ticks, long gcCount, long gcMillis) {
        static Sample take() throws IOException {
            long alloc = 0;
            long cpu = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("JettyServerThreadPool")) {
                    alloc += THREADS.getThreadAllocatedBytes(t.getId());
                    cpu += THREADS.getThreadCpuTime(t.getId());
                }
            }
            Map<String, Long> ticks = new TreeMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        ticks.merge(group(comm), t, Long::sum);
                    } catch (IOException | RuntimeException gone) {
                        // a thread ended meanwhile
                    }
                }
            }
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += gc.getCollectionCount();
                millis += gc.getCollectionTime();
            }
            return new Sample(alloc, cpu, ticks, count, millis);
        }

        private static String group(String comm) {
            if (comm.startsWith("GC Thread")) {
                return "gc";
            }
            if (comm.startsWith("G1 ")) {
                return "g1conc";
            }
            if (comm.startsWith("C2 ")) {
                return "c2";
            }
            if (comm.startsWith("C1 ")) {
                return "c1";
            }
            if (comm.startsWith("JettyServerThr")) {
                return "request";
            }
            if (comm.startsWith("HttpClient")) {
                return "client";
            }
            return "other";
        }

        String minus(Sample b, int n) {
            StringBuilder s = new StringBuilder(String.format("%,9d B/page, request threads %.3f ms CPU/page",
                    (requestAlloc - b.requestAlloc) / n, (requestCpu - b.requestCpu) / 1e6 / n));
            s.append(" | ticks ms/page:");
            for (String g : List.of("request", "gc", "g1conc", "c2", "c1", "other")) {
                long d = ticks.getOrDefault(g, 0L) - b.ticks.getOrDefault(g, 0L);
                s.append(String.format(" %s %.3f", g, d * 10.0 / n));
            }
            s.append(String.format(" | %.3f GCs/page, %.3f ms pause/page", (gcCount - b.gcCount) / (double) n,
                    (gcMillis - b.gcMillis) / (double) n));
            return s.toString();
        }
    }
}
