package dev.forumkit.persistence.jdbi.bench;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import dev.forumkit.testkit.ForumFixture;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replies from many writers at once on one H2 file, as the server's reply row has them (task replyh2c): W threads
 * ({@code forumkit-writer-N}) reply through {@code Forum} (no web layer) to random threads with bench/reply.lua's body,
 * 16 members, 400 threads, the outbox running on its own thread. Per window of {@code seconds}: replies, and the CPU
 * per reply (ThreadMXBean, by thread) of the writers together, the {@code forumkit-outbox} thread and the whole
 * process; the durable commits per reply. CPU per reply moves less with the machine's load than replies per second.
 * Profile it with JFR (the thread names split writers from the outbox).
 *
 * <p>Arguments: writers (16), windows (8), seconds per window (15). {@code -Didentity.cache=N} (task h2outbox) sets the
 * cache of the identity sequences of {@code posts} and {@code alerts} to N after the migrations (H2's default: 32; a
 * flush of the cache commits H2's system session, which writes every unsaved page to the file). Each window also prints
 * the H2 store's new versions (each one a write of the unsaved pages: durable commits and sequence flushes) per reply.
 */
public final class ReplyWriters {
    private ReplyWriters() {
    }

    public static void main(String[] args) throws Exception {
        int writers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int windows = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Path dir = Files.createTempDirectory("replywriters");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (JdbiForumStorage storage = JdbiForumStorage.embeddedH2(dir);
             Forum forum = Forum.create(identityCache(storage), c -> c.passwordHasher(ForumFixture.fastHasher())
                     .viewFlushInterval(Duration.ZERO))) {
            ForumFixture fx = ForumFixture.on(forum, storage);
            ReplyBenchWorld world = ReplyBenchWorld.seed(fx);
            List<Member> members = world.members();
            List<ThreadId> threads = world.threads();
            AtomicLong done = new AtomicLong();
            AtomicLong counter = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            List<Thread> ts = new ArrayList<>();
            CountDownLatch started = new CountDownLatch(writers);
            for (int w = 0; w < writers; w++) {
                int seed = w;
                Thread t = new Thread(() -> {
                    Random random = new Random(seed);
                    started.countDown();
                    while (!stop.get()) {
                        String body = "Benchmark reply " + counter.getAndIncrement() + ": agreed, @"
                                + members.get(0).username() + ", the **new** tyres roll better.";
                        try {
                            forum.posts().reply(Actor.member(members.get(random.nextInt(members.size())).id()),
                                    threads.get(random.nextInt(threads.size())), body);
                            done.incrementAndGet();
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                }, "forumkit-writer-" + w);
                ts.add(t);
                t.start();
            }
            started.await();
            long outbox = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("forumkit-outbox")).findFirst().orElseThrow().getId();
            for (int w = 1; w <= windows; w++) {
                long n0 = done.get();
                long v0 = storeVersion(storage);
                long c0 = storage.durableCommits();
                long wr0 = writersCpu(cpu, ts);
                long o0 = cpu.getThreadCpuTime(outbox);
                long p0 = os.getProcessCpuTime();
                Thread.sleep(seconds * 1000L);
                long n1 = done.get();
                long v1 = storeVersion(storage);
                long c1 = storage.durableCommits();
                long wr1 = writersCpu(cpu, ts);
                long o1 = cpu.getThreadCpuTime(outbox);
                long p1 = os.getProcessCpuTime();
                double n = Math.max(1, n1 - n0);
                System.out.printf("window %d (%d s): %d replies, µs per reply: writers %.1f, outbox %.1f, process %.1f;"
                                + " durable commits per reply %.3f; store versions per reply %.3f; failed %d; load %.2f%n", w,
                        seconds, n1 - n0, (wr1 - wr0) / 1e3 / n, (o1 - o0) / 1e3 / n, (p1 - p0) / 1e3 / n, (c1 - c0) / n,
                        (v1 - v0) / n, failed.get(),
                        os.getSystemLoadAverage());
            }
            stop.set(true);
            for (Thread t : ts) {
                t.join();
            }
        }
    }

    private static JdbiForumStorage identityCache(JdbiForumStorage storage) {
        String cache = System.getProperty("identity.cache");
        if (cache != null) {
            int n = Integer.parseInt(cache);
            storage.jdbi().useHandle(h -> {
                h.execute("ALTER TABLE posts ALTER COLUMN id SET CACHE " + n);
                h.execute("ALTER TABLE alerts ALTER COLUMN id SET CACHE " + n);
            });
            System.out.println("identity cache of posts and alerts: " + n);
        }
        return storage;
    }

    /** H2's MVStore version: one more per store (a commit with WRITE_DELAY=0, a sequence flush). */
    private static long storeVersion(JdbiForumStorage storage) {
        return storage.jdbi().withHandle(h -> h.createQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'info.CURRENT_VERSION'").mapTo(Long.class).one());
    }

    private static long writersCpu(ThreadMXBean cpu, List<Thread> ts) {
        long sum = 0;
        for (Thread t : ts) {
            sum += Math.max(0, cpu.getThreadCpuTime(t.getId()));
        }
        return sum;
    }
}
