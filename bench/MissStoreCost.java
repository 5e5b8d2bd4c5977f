package dev.forumkit.app;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * What storing a page costs a guest page cache miss on its request thread, in this thread's CPU time (the load moves
 * it little), on page bodies saved from the server (JSON and HTML thread pages of the 1M data set): the copy of the
 * response body, and the gzip of CachedPage.of, against variants. Interleaved rounds; figures per page.
 *   javac -cp forum-app/target/forumkit.jar -d bench/out/msc bench/MissStoreCost.java
 *   java -Xmx256m -cp forum-app/target/forumkit.jar:bench/out/msc dev.forumkit.app.MissStoreCost DIR
 */
public final class MissStoreCost {
    public static void main(String[] args) throws Exception {
        List<byte[]> json;
        List<byte[]> html;
        try (var files = Files.list(Path.of(args[0]))) {
            List<Path> all = files.sorted().toList();
            json = all.stream().filter(p -> p.toString().endsWith(".json")).map(MissStoreCost::read).toList();
            html = all.stream().filter(p -> p.toString().endsWith(".html")).map(MissStoreCost::read).toList();
        }
        String[][] headers = {{"Content-Type", "application/json"}};
        var cpu = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        Deflater reused = new Deflater(Deflater.BEST_SPEED, true);
        for (int round = 0; round < Integer.getInteger("rounds", 6); round++) { // -Drounds=0: the hit only
            for (var kind : List.of(List.of("json", json), List.of("html", html))) {
                @SuppressWarnings("unchecked") List<byte[]> pages = (List<byte[]>) kind.get(1);
                int n = 4000;
                long[] t = new long[5];
                long[] a = new long[5];
                t[0] = cpu.getCurrentThreadCpuTime(); a[0] = cpu.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < n; i++) { // the copy: after() reads the result stream into a new array
                    InputStream in = new ByteArrayInputStream(pages.get(i % pages.size()));
                    sink += in.readAllBytes().length;
                }
                t[1] = cpu.getCurrentThreadCpuTime(); a[1] = cpu.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < n; i++) { // CachedPage.of as it is: GZIPOutputStream, a new Deflater per page
                    sink += CachedPage.of(1, pages.get(i % pages.size()), headers).gzip().length;
                }
                t[2] = cpu.getCurrentThreadCpuTime(); a[2] = cpu.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < n; i++) { // one Deflater per thread, reset per page, written into an exact array
                    sink += gzipReused(reused, pages.get(i % pages.size())).length;
                }
                t[3] = cpu.getCurrentThreadCpuTime(); a[3] = cpu.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < n; i++) { // CRC alone
                    CRC32 crc = new CRC32();
                    crc.update(pages.get(i % pages.size()));
                    sink += crc.getValue();
                }
                t[4] = cpu.getCurrentThreadCpuTime(); a[4] = cpu.getCurrentThreadAllocatedBytes();
                System.out.printf("round %d %s: copy %.1f us %d B | CachedPage.of %.1f us %d B | reused Deflater %.1f us %d B | crc %.1f us%n",
                        round, kind.get(0), (t[1] - t[0]) / 1e3 / n, (a[1] - a[0]) / n, (t[2] - t[1]) / 1e3 / n,
                        (a[2] - a[1]) / n, (t[3] - t[2]) / 1e3 / n, (a[3] - a[2]) / n, (t[4] - t[3]) / 1e3 / n);
            }
        }
        // a hit: the stored page's gzip bytes (with the slabs, a copy out of direct memory; before, the array itself)
        PageStore store = new PageStore(32L << 20);
        for (int i = 0; i < json.size(); i++) {
            store.put("j" + i, CachedPage.of(1, json.get(i), headers), () -> true);
        }
        for (int round = 0; round < 5; round++) {
            int n = 200_000;
            long t0 = cpu.getCurrentThreadCpuTime();
            long a0 = cpu.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < n; i++) {
                CachedPage hit = store.get("j" + (i % json.size()));
                sink += hit.gzip().length;
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            long a1 = cpu.getCurrentThreadAllocatedBytes();
            System.out.printf("round %d hit (get + gzip bytes, JSON pages): %.2f us %d B%n", round, (t1 - t0) / 1e3 / n, (a1 - a0) / n);
        }
        System.out.println(sink == 42 ? "" : "load " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    static byte[] gzipReused(Deflater def, byte[] body) {
        def.reset();
        def.setInput(body);
        def.finish();
        byte[] buf = new byte[10 + body.length / 3 + 64];
        int n = 10;
        while (!def.finished()) {
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            n += def.deflate(buf, n, buf.length - n);
        }
        return java.util.Arrays.copyOf(buf, n + 8);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
