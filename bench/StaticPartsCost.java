package dev.forumkit.web.internal.html;

import java.io.DataInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What jte's binaryStaticContent buys in PageBytes (task jtebin): real renders' writes, recorded by
 * bench/trace/PageBytes.java (every text part as written, every static part as jte's bytes), replayed into the jar's
 * PageBytes two ways, taking turns in every round: "string" writes the static parts as the strings they were before
 * (writeContent, as the templates did without the option), "binary" as the bytes (writeBinaryContent). The text parts
 * (escaped values, each a write) are the same in both. This thread's CPU time (ThreadMXBean) and allocation per
 * render; both ways' bytes are compared first. Static parts are shared objects as in the template classes (one String
 * or byte[] per distinct part). Compile against a jar of this branch:
 * <pre>
 *   javac -cp forum-app/target/forumkit.jar -d bench/out/sp bench/StaticPartsCost.java
 *   java -cp forum-app/target/forumkit.jar:bench/out/sp dev.forumkit.web.internal.html.StaticPartsCost bench/out/traces 2000 6
 * </pre>
 */
public final class StaticPartsCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** {@code strings}: every part a String (static parts as the template had them); {@code parts}: static parts as bytes. */
    record Render(String[] strings, Object[] parts, String name) {
    }

    public static void main(String[] args) throws Exception {
        int iterations = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int minWrites = args.length > 3 ? Integer.parseInt(args[3]) : 1000; // thread pages, not the login page
        Map<String, String> strings = new HashMap<>();
        Map<String, byte[]> binaries = new HashMap<>();
        List<Render> renders = new ArrayList<>();
        long writes = 0, staticWrites = 0, staticBytes = 0, textBytes = 0;
        try (var files = Files.list(Path.of(args[0]))) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(p)))) {
                    int n = in.readInt();
                    if (n < minWrites) {
                        continue;
                    }
                    Object[] parts = new Object[n];
                    String[] asStrings = new String[n];
                    for (int i = 0; i < n; i++) {
                        int kind = in.readByte();
                        int len = in.readInt();
                        if (kind == 0) {
                            char[] c = new char[len];
                            for (int k = 0; k < len; k++) {
                                c[k] = in.readChar();
                            }
                            parts[i] = new String(c);
                            asStrings[i] = (String) parts[i];
                            textBytes += ((String) parts[i]).getBytes(StandardCharsets.UTF_8).length;
                        } else {
                            byte[] b = in.readNBytes(len);
                            String key = new String(b, StandardCharsets.UTF_8);
                            parts[i] = binaries.computeIfAbsent(key, k -> b);
                            asStrings[i] = strings.computeIfAbsent(key, k -> k);
                            staticWrites++;
                            staticBytes += len;
                        }
                    }
                    writes += n;
                    renders.add(new Render(asStrings, parts, p.getFileName().toString()));
                }
            }
        }
        System.out.printf("%d renders, %.0f writes per render, of them %.0f static parts (%d distinct) of %.0f bytes"
                        + " and %.0f text parts of %.0f bytes%n", renders.size(), (double) writes / renders.size(),
                (double) staticWrites / renders.size(), binaries.size(), (double) staticBytes / renders.size(),
                (double) (writes - staticWrites) / renders.size(), (double) textBytes / renders.size());
        for (Render r : renders) {
            byte[] a = string(r).toByteArray();
            byte[] b = binary(r).toByteArray();
            if (!Arrays.equals(a, b)) {
                throw new AssertionError("different bytes: " + r.name());
            }
        }
        // -Dframe=true: the host frame's renders, which answer a String: StringOutput before, PageBytes decoded at the
        // end (tried, dropped); -Dframe=cached: StringOutput before, JteRenderer.StaticPartsOutput (each static part
        // decoded once, looked up by its array) now
        boolean frame = System.getProperty("frame") != null;
        boolean cached = "cached".equals(System.getProperty("frame"));
        for (Render r : renders) {
            if (!stringOutput(r).equals(binaryText(r)) || !stringOutput(r).equals(cachedText(r))) {
                throw new AssertionError("different text: " + r.name());
            }
        }
        long[][] cpu = new long[2][rounds + 1];
        long[][] alloc = new long[2][rounds + 1];
        long sink = 0;
        for (int round = 0; round <= rounds; round++) {
            for (int way = 0; way < 2; way++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                long a0 = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
                for (int i = 0; i < iterations; i++) {
                    Render r = renders.get(i % renders.size());
                    sink += frame ? (way == 0 ? stringOutput(r) : cached ? cachedText(r) : binaryText(r)).length()
                            : (way == 0 ? string(r) : binary(r)).length();
                }
                cpu[way][round] = THREADS.getCurrentThreadCpuTime() - t0;
                alloc[way][round] = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - a0;
            }
            System.out.printf("round %d: string %.2f us/render (%.1f KB), binary %.2f us/render (%.1f KB), load %s%n", round,
                    cpu[0][round] / 1e3 / iterations, alloc[0][round] / 1024.0 / iterations,
                    cpu[1][round] / 1e3 / iterations, alloc[1][round] / 1024.0 / iterations,
                    Files.readString(Path.of("/proc/loadavg")).trim());
        }
        double[] s = new double[rounds], b = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            s[i] = cpu[0][i + 1] / 1e3 / iterations;
            b[i] = cpu[1][i + 1] / 1e3 / iterations;
        }
        Arrays.sort(s);
        Arrays.sort(b);
        System.out.printf("median of rounds 1-%d: string %.2f us, binary %.2f us per render (%+.1f %%); sink %d%n", rounds,
                s[rounds / 2], b[rounds / 2], 100.0 * (b[rounds / 2] / s[rounds / 2] - 1), sink);
    }

    private static PageBytes string(Render r) {
        PageBytes out = new PageBytes();
        Object[] parts = r.parts();
        String[] strings = r.strings();
        for (int i = 0; i < strings.length; i++) {
            String s = strings[i];
            if (parts[i] instanceof String) {
                out.writeContent(s, 0, s.length()); // a text part: an escaped value's piece (as Escape writes them)
            } else {
                out.writeContent(s); // a static part, as the templates wrote it without binaryStaticContent
            }
        }
        return out;
    }

    /** The host frame's render before: a StringOutput of 16 KiB, every part a String. */
    private static String stringOutput(Render r) {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput(16 * 1024);
        Object[] parts = r.parts();
        String[] strings = r.strings();
        for (int i = 0; i < strings.length; i++) {
            String s = strings[i];
            if (parts[i] instanceof String) {
                out.writeContent(s, 0, s.length());
            } else {
                out.writeContent(s);
            }
        }
        return out.toString();
    }

    /** The host frame's render tried and dropped: PageBytes with the static parts as bytes, decoded once. */
    private static String binaryText(Render r) {
        return new String(binary(r).toByteArray(), StandardCharsets.UTF_8);
    }

    private static String cachedText(Render r) {
        JteRenderer.StaticPartsOutput out = new JteRenderer.StaticPartsOutput(16 * 1024);
        for (Object p : r.parts()) {
            if (p instanceof String s) {
                out.writeContent(s, 0, s.length());
            } else {
                out.writeBinaryContent((byte[]) p);
            }
        }
        return out.toString();
    }

    private static PageBytes binary(Render r) {
        PageBytes out = new PageBytes();
        for (Object p : r.parts()) {
            if (p instanceof String s) {
                out.writeContent(s, 0, s.length());
            } else {
                out.writeBinaryContent((byte[]) p);
            }
        }
        return out;
    }
}
