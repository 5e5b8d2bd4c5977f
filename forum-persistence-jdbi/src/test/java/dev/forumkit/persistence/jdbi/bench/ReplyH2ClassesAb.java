package dev.forumkit.persistence.jdbi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Whole replies of two builds of forum-persistence-jdbi in one JVM (task replyh2): each build's classes directory is
 * loaded in a class loader of its own, with {@code ReplyH2Cost} (from the test classes directory) on a new H2 file;
 * rounds of replies alternate between them (order swapped every round) and the replying thread's CPU time per reply
 * is printed, so the machine's load and the JIT's progress move both alike. Run it with a class path that holds this
 * class and the module's dependencies but neither build's classes nor ReplyH2Cost (the loaders are parent-first).
 *
 * <p>Arguments: build A classes dir, build B classes dir, test classes dir, rounds, replies per round, warm-up replies.
 */
public final class ReplyH2ClassesAb {
    private ReplyH2ClassesAb() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[3]);
        int perRound = Integer.parseInt(args[4]);
        int warmUp = Integer.parseInt(args[5]);
        IntConsumer a = open(args[0], args[2]);
        IntConsumer b = open(args[1], args[2]);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int done = 0; done < warmUp; done += 500) { // warm both up alike, in turns
            a.accept(500);
            b.accept(500);
        }
        double[] pa = new double[rounds];
        double[] pb = new double[rounds];
        int bCheaper = 0;
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                pa[r] = cpuPer(cpu, () -> a.accept(perRound), perRound);
                pb[r] = cpuPer(cpu, () -> b.accept(perRound), perRound);
            } else {
                pb[r] = cpuPer(cpu, () -> b.accept(perRound), perRound);
                pa[r] = cpuPer(cpu, () -> a.accept(perRound), perRound);
            }
            bCheaper += pb[r] < pa[r] ? 1 : 0;
            System.out.printf("round %d | A %.1f | B %.1f | A-B %.1f µs per reply%n", r, pa[r], pb[r], pa[r] - pb[r]);
        }
        double[] diff = new double[rounds];
        Arrays.setAll(diff, i -> pa[i] - pb[i]);
        System.out.printf("median A %.1f, B %.1f, A-B %.1f µs per reply; B cheaper in %d of %d rounds%n",
                median(pa), median(pb), median(diff), bCheaper, rounds);
    }

    // not ReplyH2Cost's: that class is only in the builds' loaders, not on this class path
    private static double cpuPer(ThreadMXBean cpu, Runnable work, int n) {
        long start = cpu.getCurrentThreadCpuTime();
        work.run();
        return (cpu.getCurrentThreadCpuTime() - start) / 1e3 / n;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    @SuppressWarnings("unchecked")
    private static IntConsumer open(String classes, String testClasses) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(classes).toUri().toURL(),
                Path.of(testClasses).toUri().toURL()}, ReplyH2ClassesAb.class.getClassLoader());
        Class<?> cost = loader.loadClass("dev.forumkit.persistence.jdbi.bench.ReplyH2Cost");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader); // Flyway finds the build's migrations through it
        try {
            return (IntConsumer) cost.getMethod("open", Path.class).invoke(null, Files.createTempDirectory("replyh2-ab"));
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }
}
