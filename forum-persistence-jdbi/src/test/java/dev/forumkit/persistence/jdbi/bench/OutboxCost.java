package dev.forumkit.persistence.jdbi.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.storage.Transactions;
import dev.forumkit.core.watch.ThreadWatch;
import dev.forumkit.persistence.jdbi.ConnectionPools;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import dev.forumkit.testkit.ForumFixture;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the outbox's consumers cost per reply event on an H2 file (issue 18, task fanout): members reply to random
 * threads with one mention (as bench/run.sh's reply row, bench/reply.lua), threads watched as on the benchmark data
 * (repliers auto-watch, plus some watches of their own), then the outbox is drained on this thread. Reports this
 * thread's CPU time of the drains per event (ThreadMXBean: the load of other processes moves it little), and, with
 * {@code count}, the storage calls per event by consumer (a counting proxy that attributes each port call to the
 * consumer on the stack; its overhead makes the CPU figure of a counting run meaningless).
 *
 * <p>Arguments: a new data dir, mode ({@code cpu} or {@code count}), rounds, replies per round (the batch the
 * consumers see; bench/run.sh's runner gathers about 40 at 400 replies/s), [threads, default 400].
 */
public final class OutboxCost {
    private static final String[] CONSUMERS = {"AlertFanout", "FanoutBatch", "EmailNotifications", "SearchIndexer",
            "WebhookService", "PasswordResetService", "EmailVerificationService", "ConversationMail", "LocalListeners"};

    private OutboxCost() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        boolean counting = args[1].equals("count");
        int rounds = Integer.parseInt(args[2]);
        int perRound = Integer.parseInt(args[3]);
        int threadCount = args.length > 4 ? Integer.parseInt(args[4]) : 400;
        Files.createDirectories(dir);
        HikariDataSource pool = ConnectionPools.embeddedH2(dir);
        Counter counter = new Counter();
        try (JdbiForumStorage storage = JdbiForumStorage.owning(pool)) {
            ForumStorage used = counting ? counter.wrap(storage) : storage;
            try (Forum forum = Forum.create(used, c -> c.passwordHasher(ForumFixture.fastHasher())
                    .viewFlushInterval(Duration.ZERO).outboxPollInterval(Duration.ZERO)
                    .mailer(new dev.forumkit.core.mail.InMemoryMailer()))) {
                ForumFixture f = ForumFixture.on(forum, storage);
                Random random = new Random(7);
                Member mentioned = f.member("mentioned");
                List<Member> members = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    members.add(f.member("replier" + i));
                }
                List<ThreadId> threads = new ArrayList<>();
                for (int i = 0; i < threadCount; i++) {
                    threads.add(forum.threads().start(Actor.member(members.get(random.nextInt(members.size())).id()),
                            f.board().id(), "Thread " + i, "Opening post " + i).threadId());
                }
                // each replier watches a share of the threads besides those it starts or replies to (the benchmark
                // data: about 530 watches per benchmark member of 40,000 threads after a while of replies)
                Instant since = Instant.parse("2026-01-01T00:00:00Z");
                storage.transactions().run(() -> {
                    for (Member m : members) {
                        for (int i = 0; i < threadCount / 20; i++) {
                            ThreadId t = threads.get(random.nextInt(threads.size()));
                            if (storage.watches().thread(m.id(), t).isEmpty()) {
                                storage.watches().putThread(new ThreadWatch(m.id(), t, false, since));
                            }
                        }
                    }
                });
                forum.outbox().drain();
                ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                System.out.printf("%d rounds of %d replies, %d threads, %s%n", rounds, perRound, threadCount, args[1]);
                int refused = 0;
                long events = 0;
                for (int r = 0; r < rounds; r++) {
                    long head = forum.outbox().status().head();
                    for (int i = 0; i < perRound; i++) {
                        try {
                            forum.posts().reply(Actor.member(members.get(random.nextInt(members.size())).id()),
                                    threads.get(random.nextInt(threads.size())),
                                    "Benchmark reply " + r + "." + i + ": agreed, @" + mentioned.username()
                                            + ", the **new** tyres roll better.");
                        } catch (dev.forumkit.core.ForumException e) {
                            refused++;
                        }
                    }
                    long n = forum.outbox().status().head() - head;
                    counter.on = true;
                    long cpu = mx.getCurrentThreadCpuTime();
                    forum.outbox().drain();
                    cpu = mx.getCurrentThreadCpuTime() - cpu;
                    counter.on = false;
                    if (r >= rounds / 4) { // the first quarter warms the JIT up
                        events += n;
                        counter.cpu.addAndGet(cpu);
                    } else {
                        counter.calls.clear();
                    }
                }
                System.out.printf("events %d, refused %d, drain CPU per event %.1f us%n", events, refused,
                        counter.cpu.get() / 1e3 / events);
                if (counting) {
                    Map<String, Map<String, Long>> by = new TreeMap<>();
                    counter.calls.forEach((k, v) -> by.computeIfAbsent(k.substring(0, k.indexOf(' ')), x -> new TreeMap<>())
                            .put(k.substring(k.indexOf(' ') + 1), v.get()));
                    long total = 0;
                    for (var e : by.entrySet()) {
                        long sum = e.getValue().entrySet().stream().filter(x -> !x.getKey().startsWith("Transactions."))
                                .mapToLong(Map.Entry::getValue).sum();
                        total += sum;
                        double per = events;
                        System.out.printf("%-20s %.2f calls/event:", e.getKey(), sum / per);
                        e.getValue().forEach((m, c) -> System.out.printf(" %s %.2f", m, c / per));
                        System.out.println();
                    }
                    System.out.printf("all consumers %.2f storage calls/event%n", total / (double) events);
                }
            }
        }
    }

    /** Counts port calls (and transactions) by the consumer on the stack, while {@code on}. */
    private static final class Counter {
        volatile boolean on;
        final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
        final AtomicLong cpu = new AtomicLong();

        ForumStorage wrap(ForumStorage inner) {
            return (ForumStorage) Proxy.newProxyInstance(ForumStorage.class.getClassLoader(),
                    new Class<?>[]{ForumStorage.class}, (proxy, method, args) -> {
                        Object port = call(method, inner, args);
                        Class<?> type = method.getReturnType();
                        if (port == null || !type.isInterface()) {
                            return port;
                        }
                        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, m, a) -> {
                            if (on && m.getDeclaringClass() != Object.class) {
                                String who = consumer(type, m, a);
                                calls.computeIfAbsent(who + " " + type.getSimpleName() + "." + m.getName(),
                                        k -> new AtomicLong()).incrementAndGet();
                            }
                            return call(m, port, a);
                        });
                    });
        }

        private static String consumer(Class<?> type, Method m, Object[] a) {
            String found = StackWalker.getInstance().walk(s -> s.map(StackWalker.StackFrame::getClassName)
                    .map(c -> c.substring(c.lastIndexOf('.') + 1))
                    .filter(c -> Arrays.stream(CONSUMERS).anyMatch(c::startsWith)).findFirst().orElse(null));
            if (found != null) {
                return found.startsWith("FanoutBatch") || found.startsWith("AlertFanout") ? "alerts" : found.replaceAll("\\$.*", "");
            }
            if (type == Transactions.class) {
                return "bookkeeping";
            }
            return a != null && a.length > 0 && a[0] instanceof String name ? "bookkeeping:" + name : "bookkeeping";
        }

        private static Object call(Method m, Object target, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
