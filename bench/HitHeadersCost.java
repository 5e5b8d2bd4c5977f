import org.eclipse.jetty.http.HttpFields;

import java.lang.management.ManagementFactory;

/**
 * What setting a guest page cache hit's headers costs in Jetty's response fields, in this thread's CPU time (the load
 * moves it little): the fields as the filters leave them before the cache (Date, Content-Type, the four security
 * headers), then the hit's puts. Before (task hitpath): the page's nine stored headers (Content-Type twice, the four
 * security headers again, Cache-Control, Vary) plus X-Forum-Cache and Content-Encoding; after: Cache-Control, Vary,
 * Content-Type, X-Forum-Cache, Content-Encoding. Each put scans the fields for one of the same name. Interleaved
 * rounds. docs/performance.md, task hitpath.
 *   javac -cp forum-app/target/forumkit.jar -d bench/out/hhc bench/HitHeadersCost.java
 *   java -cp forum-app/target/forumkit.jar:bench/out/hhc HitHeadersCost
 */
public final class HitHeadersCost {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: "
            + "https:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    private static final String[][] FILTERS = {{"Date", "Mon, 07 Dec 2026 16:03:10 GMT"},
            {"Content-Type", "text/plain"}, {"Content-Security-Policy", CSP}, {"X-Content-Type-Options", "nosniff"},
            {"Referrer-Policy", "strict-origin-when-cross-origin"}, {"X-Frame-Options", "SAMEORIGIN"}};
    private static final String[][] BEFORE = {{"Content-Type", "application/json;charset=utf-8"},
            {"Content-Security-Policy", CSP}, {"X-Content-Type-Options", "nosniff"},
            {"Referrer-Policy", "strict-origin-when-cross-origin"}, {"X-Frame-Options", "SAMEORIGIN"},
            {"Cache-Control", "no-store"}, {"Vary", "Accept-Encoding"}, {"Content-Type", "application/json;charset=utf-8"},
            {"X-Forum-Cache", "hit"}, {"Content-Encoding", "gzip"}};
    private static final String[][] AFTER = {{"Cache-Control", "no-store"}, {"Vary", "Accept-Encoding"},
            {"Content-Type", "application/json;charset=utf-8"}, {"X-Forum-Cache", "hit"}, {"Content-Encoding", "gzip"}};

    public static void main(String[] args) {
        var cpu = ManagementFactory.getThreadMXBean();
        int n = 500_000;
        long sink = 0;
        for (int round = 0; round < 10; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += hit(BEFORE);
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += hit(AFTER);
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += hit(new String[0][]);
            }
            long t3 = cpu.getCurrentThreadCpuTime();
            double filters = (t3 - t2) / 1e3 / n;
            System.out.printf("round %d: hit's puts before %.3f us, after %.3f us (the filters' fields alone %.3f us, "
                    + "taken off both)%n", round, (t1 - t0) / 1e3 / n - filters, (t2 - t1) / 1e3 / n - filters, filters);
        }
        System.out.println(sink == 42 ? "" : " ");
    }

    private static int hit(String[][] puts) {
        HttpFields.Mutable fields = HttpFields.build();
        for (String[] h : FILTERS) {
            fields.put(h[0], h[1]);
        }
        for (String[] h : puts) {
            fields.put(h[0], h[1]);
        }
        return fields.size();
    }
}
