import io.javalin.compression.CompressionStrategy;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.List;

/**
 * What Javalin's check "may this response be compressed" (io.javalin.compression.CompressedStreamKt
 * .allowsForCompression, run on the first write of every response body) costs per response, in this thread's CPU time
 * (the load moves it little): the default strategy (content type scanned, ignoring case, for each of ten excluded
 * types) against the strategy ForumServer builds (our content types on the allowed list: one List.contains).
 * Interleaved rounds. docs/performance.md, task hitcost.
 *   javac -cp forum-app/target/forumkit.jar -d bench/out/ccc bench/CompressionCheckCost.java
 *   java -cp forum-app/target/forumkit.jar:bench/out/ccc CompressionCheckCost
 */
public final class CompressionCheckCost {
    public static void main(String[] args) throws Exception {
        Class<?> kt = Class.forName("io.javalin.compression.CompressedStreamKt");
        Method check = kt.getDeclaredMethod("allowsForCompression", CompressionStrategy.class, String.class);
        check.setAccessible(true);
        CompressionStrategy plain = new CompressionStrategy(null, new io.javalin.compression.Gzip(1));
        CompressionStrategy listed = new CompressionStrategy(null, new io.javalin.compression.Gzip(1));
        listed.setAllowedMimeTypes(List.of("image/svg+xml", "application/json;charset=utf-8", "application/json",
                "text/html", "text/html;charset=utf-8"));
        var cpu = ManagementFactory.getThreadMXBean();
        int n = 200_000;
        long sink = 0;
        for (int round = 0; round < 8; round++) {
            for (String type : List.of("application/json;charset=utf-8", "text/html")) {
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    sink += (Boolean) check.invoke(null, plain, type) ? 1 : 0;
                }
                long t1 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    sink += (Boolean) check.invoke(null, listed, type) ? 1 : 0;
                }
                long t2 = cpu.getCurrentThreadCpuTime();
                System.out.printf("round %d %s: default %.3f us, allowed-listed %.3f us%n", round, type,
                        (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n);
            }
        }
        System.out.println(sink);
    }
}
