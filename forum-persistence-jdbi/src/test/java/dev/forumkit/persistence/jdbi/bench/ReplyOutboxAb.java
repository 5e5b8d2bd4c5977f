package dev.forumkit.persistence.jdbi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntToLongFunction;
import java.util.stream.Collectors;

/**
 * A stream of replies and the outbox's work behind it, two builds of forum-core (with testkit and the H2 adapter) in
 * one JVM (task h2reply3): each build's classes directories in a class loader of their own, each forum on a new H2 file
 * with its outbox thread running as in the server; rounds of replies on this thread alternate between the builds (order
 * swapped every round), and after each round the driver waits until that build's consumers caught up. Per reply it
 * prints the replying thread's CPU, that build's outbox thread's CPU (ThreadMXBean, by thread id), the whole
 * process's CPU over the round and its catching up (GC, JIT, H2's background writer included: the noisiest figure) and
 * the H2 file's durable commits (the replies' and the consumers').
 * Run it with a class path that holds this class and the third-party dependencies only (the loaders are parent-first).
 *
 * <p>Arguments: rounds, replies per round, warm-up replies, then per build its class directories separated by ':'
 * (forum-core, forum-testkit, forum-persistence-jdbi classes and test classes). {@code -Dab.identityCacheB=N} (task
 * h2outbox) gives build B's database identity sequences for posts and alerts with a cache of N (H2's default is 32):
 * with the same class directories for both builds, an A/B of that setting alone.
 */
public final class ReplyOutboxAb {
    private ReplyOutboxAb() {
    }

    private record Build(String name, IntToLongFunction forum, long outboxThread) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int perRound = Integer.parseInt(args[1]);
        int warmUp = Integer.parseInt(args[2]);
        Build a = open("A", args[3]);
        Build b = open("B", args[4]);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int done = 0; done < warmUp; done += 500) {
            for (Build x : List.of(a, b)) {
                x.forum.applyAsLong(500);
                x.forum.applyAsLong(0);
            }
        }
        double[][] rep = new double[2][rounds];
        double[][] out = new double[2][rounds];
        double[][] all = new double[2][rounds];
        double[][] commits = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int i = r % 2 == 0 ? k : 1 - k;
                Build x = i == 0 ? a : b;
                long c0 = x.forum.applyAsLong(0);
                long p0 = os.getProcessCpuTime();
                long o0 = cpu.getThreadCpuTime(x.outboxThread);
                long t0 = cpu.getCurrentThreadCpuTime();
                x.forum.applyAsLong(perRound);
                long t1 = cpu.getCurrentThreadCpuTime();
                long c1 = x.forum.applyAsLong(0);
                long o1 = cpu.getThreadCpuTime(x.outboxThread);
                long p1 = os.getProcessCpuTime();
                rep[i][r] = (t1 - t0) / 1e3 / perRound;
                out[i][r] = (o1 - o0) / 1e3 / perRound;
                all[i][r] = (p1 - p0) / 1e3 / perRound;
                commits[i][r] = (double) (c1 - c0) / perRound;
            }
            System.out.printf("round %d | A replying %.1f outbox %.1f process %.1f µs, commits %.2f | B replying %.1f"
                    + " outbox %.1f process %.1f µs, commits %.2f per reply | load %.2f%n", r, rep[0][r], out[0][r],
                    all[0][r], commits[0][r], rep[1][r], out[1][r], all[1][r], commits[1][r], os.getSystemLoadAverage());
        }
        for (int i = 0; i < 2; i++) {
            System.out.printf("%s: median replying %.1f, outbox %.1f, process %.1f µs, durable commits %.2f per reply%n",
                    i == 0 ? "A" : "B", median(rep[i]), median(out[i]), median(all[i]), median(commits[i]));
        }
        System.out.printf("B cheaper in: replying %d, outbox %d, process %d of %d rounds%n", cheaper(rep), cheaper(out),
                cheaper(all), rounds);
    }

    private static int cheaper(double[][] x) {
        int n = 0;
        for (int r = 0; r < x[0].length; r++) {
            n += x[1][r] < x[0][r] ? 1 : 0;
        }
        return n;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static Set<Long> outboxThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("forumkit-outbox"))
                .map(Thread::getId).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static Build open(String name, String dirs) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String d : dirs.split(":")) {
            urls.add(Path.of(d).toUri().toURL());
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ReplyOutboxAb.class.getClassLoader());
        Class<?> cost = loader.loadClass("dev.forumkit.persistence.jdbi.bench.ReplyH2Cost");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Set<Long> known = outboxThreads();
        Thread.currentThread().setContextClassLoader(loader); // Flyway finds the build's migrations through it
        // task h2outbox: -Dab.identityCacheB=N gives build B's database identity sequences with a cache of N
        String cacheB = System.getProperty("ab.identityCacheB");
        if (name.equals("B") && cacheB != null) {
            System.setProperty("identity.cache", cacheB);
        } else {
            System.clearProperty("identity.cache");
        }
        try {
            IntToLongFunction forum = (IntToLongFunction) cost.getMethod("openStream", Path.class)
                    .invoke(null, Files.createTempDirectory("h2reply3-ab"));
            Set<Long> now = outboxThreads();
            now.removeAll(known);
            if (now.size() != 1) {
                throw new IllegalStateException("expected one new outbox thread, found " + now);
            }
            return new Build(name, forum, now.iterator().next());
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }
}
