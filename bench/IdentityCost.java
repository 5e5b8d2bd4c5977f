package dev.forumkit.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (this thread's, which another process's load moves far less than wall time) of answering a client without
 * gzip from the guest page cache: inflating the stored gzip on every hit, against the uncompressed copy PageStore keeps
 * for a hot page. Run with a page saved from the server (curl -o page.json .../api/v1/threads/2):
 *   javac -cp forum-app/target/forumkit.jar -d bench/out/ic bench/IdentityCost.java
 *   java -Xmx256m -cp forum-app/target/forumkit.jar:bench/out/ic dev.forumkit.app.IdentityCost page.json
 */
public final class IdentityCost {
    public static void main(String[] args) throws Exception {
        byte[] body = Files.readAllBytes(Path.of(args[0]));
        CachedPage page = CachedPage.of(1, body, new String[][] {{"Content-Type", "application/json"}});
        PageStore store = new PageStore(32L << 20);
        store.put("k", page, () -> true);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            int n = 20_000;
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += page.identity().length;
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += store.identity("k", page).length;
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            System.out.printf("page of %d B (gzip %d B): inflate every hit %.2f us, kept copy %.3f us (CPU per hit)%n",
                    body.length, page.gzip().length, (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
