package dev.forumkit.app;

import java.lang.management.ManagementFactory;

/**
 * The Java heap a full guest page cache keeps (issue 18, task missprice): fills a PageStore of BUDGET MB with pages of
 * a thread page's shape (GZIP bytes compressed, 20 authors, 8 headers) until it pushes pages out, then reports the
 * heap used after a full collection against the empty store, and the direct memory its slabs took (where it has
 * them). Same source for the jar before and after the slabs; run each on its own jar:
 *   javac -cp JAR -d bench/out/sh bench/StoreHeap.java && java -Xmx512m -cp JAR:bench/out/sh dev.forumkit.app.StoreHeap 128
 */
public final class StoreHeap {
    public static void main(String[] args) throws Exception {
        long budget = Long.parseLong(args[0]) << 20;
        int gzip = args.length > 1 ? Integer.parseInt(args[1]) : 3_963;
        long before = usedAfterGc();
        PageStore store = new PageStore(budget);
        String[][] headers = new String[8][];
        for (int h = 0; h < headers.length; h++) {
            headers[h] = new String[] {("Header-" + h).intern(), "value"};
        }
        java.util.Random random = new java.util.Random(1);
        int n = (int) (budget / gzip) + 2_000;
        for (int i = 0; i < n; i++) {
            long[] members = new long[20];
            for (int m = 0; m < members.length; m++) {
                members[m] = random.nextInt(20_000);
            }
            byte[] bytes = new byte[gzip];
            random.nextBytes(bytes);
            String key = "/api/v1/threads/" + i + "#";
            store.get(key); // asked for twice, so the policy lets it in
            store.get(key);
            store.put(key, new CachedPage(1, new long[] {i}, members, bytes, 18_000, headers), () -> true);
        }
        String stats = store.stats();
        long after = usedAfterGc();
        System.out.printf("budget %d MB, %d pages offered; store stats (stored evicted entries bytes [slab-in-use reserved]): %s%n"
                + "heap used after a full GC: empty %.1f MB, full %.1f MB: the store keeps %.1f MB of heap%n",
                budget >> 20, n, stats, before / 1048576.0, after / 1048576.0, (after - before) / 1048576.0);
        System.out.println(store.get("/api/v1/threads/" + (n - 1) + "#") != null ? "" : " ");
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        var mem = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return mem.getUsed();
    }
}
