package dev.forumkit.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;

/**
 * The guest page cache's steady-state hit rate under bench/zipf.lua's popularity, without a server: draws REQUESTS
 * thread ranks by Zipf's law (s=1) over THREADS threads and runs them through (a) the cache before issue 18's
 * rewrite (an LRU of uncompressed pages within a byte budget), (b) an LRU of the same pages gzip-compressed, and
 * (c) PageStore (compressed, Caffeine's W-TinyLFU admission by popularity), each with the same budget. Page sizes are sampled from a
 * file of "identity_bytes gzip_bytes" lines measured on the benchmark's data set. A machine's load does not move
 * these figures, unlike a 10-second wrk row. Run (after building the jar):
 *   javac -cp forum-app/target/forumkit.jar -d bench/out/sim bench/ZipfCacheSim.java
 *   java -cp forum-app/target/forumkit.jar:bench/out/sim dev.forumkit.app.ZipfCacheSim sizes.txt 40000 32
 */
public final class ZipfCacheSim {
    public static void main(String[] args) throws Exception {
        List<long[]> sizes = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank())
                .map(l -> l.trim().split("\\s+")).map(p -> new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])}).toList();
        int threads = Integer.parseInt(args[1]);
        long budget = Long.parseLong(args[2]) << 20;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 2_000_000;
        double[] cdf = new double[threads];
        double total = 0;
        for (int r = 1; r <= threads; r++) {
            total += 1.0 / r;
            cdf[r - 1] = total;
        }
        Random random = new Random(1);
        long[][] page = new long[threads][];
        for (int i = 0; i < threads; i++) {
            page[i] = sizes.get(random.nextInt(sizes.size()));
        }
        int[] draws = new int[requests];
        for (int i = 0; i < requests; i++) {
            double u = random.nextDouble() * total;
            int lo = 0, hi = threads - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] < u) lo = mid + 1; else hi = mid;
            }
            draws[i] = lo;
        }
        System.out.printf("%d threads, %d requests, Zipf s=1, budget %d MB; mean page %d B, gzip-1 %d B%n", threads, requests,
                budget >> 20, (long) sizes.stream().mapToLong(s -> s[0]).average().orElse(0),
                (long) sizes.stream().mapToLong(s -> s[1]).average().orElse(0));
        int row = Math.min(requests, 31_000); // a 10 s wrk row at about 3,100 req/s, from an empty cache
        int[] first = java.util.Arrays.copyOf(draws, row);
        System.out.printf("hit rate: steady (the second half of %d requests) / the first %d requests from empty%n", requests, row);
        if (Boolean.getBoolean("sim.storeOnly")) { // PageStore only, with each page's ids and headers as a real page's
            System.out.printf("PageStore, %d ids and %d headers a page: steady %.2f %% (%s)%n", IDS, HEADERS.length,
                    store(draws, page, budget, true), lastStats);
            return;
        }
        System.out.printf("LRU, uncompressed (before):        %.1f %% / %.1f %%%n", lru(draws, page, budget, 0, true), lru(first, page, budget, 0, false));
        System.out.printf("LRU, gzip-compressed:              %.1f %% / %.1f %%%n", lru(draws, page, budget, 1, true), lru(first, page, budget, 1, false));
        System.out.printf("PageStore (gzip + Caffeine):       %.1f %% / %.1f %%%n", store(draws, page, budget, true), store(first, page, budget, false));
        // what bench/run.sh's Zipf row sees: requests 20,000-40,000 after a warm-up row of 20,000 from empty; against a
        // cache without a limit, whose only misses are first requests, it tells first requests from pushed-out pages
        int[] run = java.util.Arrays.copyOf(draws, Math.min(requests, 40_000));
        System.out.printf("the run's Zipf row (requests 20,000-40,000): PageStore %.1f %%, no limit %.1f %%; steady, no limit: %.1f %%%n",
                store(run, page, budget, true), lru(run, page, Long.MAX_VALUE, 1, true), lru(draws, page, Long.MAX_VALUE, 1, true));
    }

    private static double lru(int[] draws, long[][] page, long budget, int which, boolean steady) {
        int from = steady ? draws.length / 2 : 0;
        LinkedHashMap<Integer, Long> map = new LinkedHashMap<>(1024, 0.75f, true);
        long bytes = 0;
        long hits = 0;
        for (int i = 0; i < draws.length; i++) {
            int key = draws[i];
            if (map.get(key) != null) {
                if (i >= from) hits++;
                continue;
            }
            long w = page[key][which] + 64;
            if (w > budget / 8) continue;
            map.put(key, w);
            bytes += w;
            var it = map.entrySet().iterator();
            while (bytes > budget && it.hasNext()) {
                bytes -= it.next().getValue();
                it.remove();
            }
        }
        return 100.0 * hits / (draws.length - from); // steady: the second half, a cache that has settled
    }

    /** -Dsim.ids=N: ids of threads and members a page names (a thread page of 20 posts: 21); its weight counts them. */
    private static final int IDS = Integer.getInteger("sim.ids", 0);
    /** -Dsim.headers=N: header pairs a page stores (a JSON thread page: 5). */
    private static final String[][] HEADERS = new String[Integer.getInteger("sim.headers", 0)][];
    private static String lastStats = "";

    static {
        java.util.Arrays.fill(HEADERS, new String[] {"X", "y"});
    }

    private static double store(int[] draws, long[][] page, long budget, boolean steady) {
        int from = steady ? draws.length / 2 : 0;
        PageStore store = new PageStore(budget);
        long hits = 0;
        String[][] headers = HEADERS;
        long[] ids = new long[IDS];
        for (int i = 0; i < draws.length; i++) {
            String key = "/api/v1/threads/" + draws[i] + "#";
            CachedPage hit = store.get(key);
            if (hit != null) {
                hit.served();
                if (i >= from) hits++;
                continue;
            }
            long[] p = page[draws[i]];
            store.put(key, new CachedPage(1, ids, ids, new byte[(int) p[1]], (int) p[0], headers), () -> true);
        }
        lastStats = "store max " + (store.maxBytes() >> 20) + " MB; stored evicted entries bytes slab-used slab-taken evicted-unread: " + store.stats();
        return 100.0 * hits / (draws.length - from);
    }
}
