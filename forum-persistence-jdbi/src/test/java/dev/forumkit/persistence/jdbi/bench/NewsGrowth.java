package dev.forumkit.persistence.jdbi.bench;

import dev.forumkit.core.Forum;
import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import dev.forumkit.testkit.ForumFixture;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * A reply's cost against the replies before it, on an H2 file (task newsread): ReplyBenchWorld's forum (16 members,
 * 400 threads), replies by random members to random threads in windows of {@code perWindow}, the outbox drained every
 * 50 replies on this same thread (so the thread's CPU per reply is the request's work and its delivery's). After each
 * window: the alerts (all, unread), and the fan-out's news-pending read ({@code Alerts.withNewsPending} for 10 random
 * threads, REPLY and NEW_POST_IN_BOARD) in thread CPU per query over {@code queries} queries. Thread CPU time
 * (ThreadMXBean), so the machine's load moves it little. Uses only APIs older than the change, so the same file runs on
 * the code before it.
 *
 * <p>Arguments: windows (6), replies per window (5000), queries per window (300).
 */
public final class NewsGrowth {
    private NewsGrowth() {
    }

    public static void main(String[] args) throws Exception {
        int windows = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int perWindow = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Path dir = Files.createTempDirectory("newsgrowth");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Set<AlertKind> kinds = EnumSet.of(AlertKind.REPLY, AlertKind.NEW_POST_IN_BOARD);
        try (JdbiForumStorage storage = JdbiForumStorage.embeddedH2(dir);
             Forum forum = Forum.create(storage, c -> c.passwordHasher(ForumFixture.fastHasher())
                     .viewFlushInterval(Duration.ZERO).outboxPollInterval(Duration.ZERO))) {
            ReplyBenchWorld world = ReplyBenchWorld.seed(ForumFixture.on(forum, storage));
            forum.outbox().drain();
            IntConsumer replies = world.replies(forum, new Random(1));
            Random pick = new Random(2);
            System.out.println("window | replies so far | thread CPU us per reply (request + delivery) | alerts | unread"
                    + " | unread news alerts per thread | withNewsPending(10 threads) us per query");
            for (int w = 0; w <= windows; w++) {
                double perReply = 0;
                if (w > 0) {
                    long c0 = cpu.getCurrentThreadCpuTime();
                    for (int i = 0; i < perWindow; i += 50) {
                        replies.accept(50);
                        forum.outbox().drain();
                    }
                    perReply = (cpu.getCurrentThreadCpuTime() - c0) / 1_000.0 / perWindow;
                }
                List<List<ThreadId>> sets = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    List<ThreadId> set = new ArrayList<>();
                    for (int j = 0; j < 10; j++) {
                        set.add(world.threads().get(pick.nextInt(world.threads().size())));
                    }
                    sets.add(set);
                }
                for (int i = 0; i < 100; i++) { // warm-up
                    List<ThreadId> set = sets.get(i % sets.size());
                    storage.transactions().readOnly(() -> storage.alerts().withNewsPending(set, kinds));
                }
                long q0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < queries; i++) {
                    List<ThreadId> set = sets.get(i % sets.size());
                    storage.transactions().readOnly(() -> storage.alerts().withNewsPending(set, kinds));
                }
                double perQuery = (cpu.getCurrentThreadCpuTime() - q0) / 1_000.0 / queries;
                long[] counts = storage.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*),"
                                + " SUM(CASE WHEN is_read THEN 0 ELSE 1 END),"
                                + " SUM(CASE WHEN NOT is_read AND kind IN ('REPLY', 'NEW_POST_IN_BOARD') THEN 1 ELSE 0 END)"
                                + " FROM alerts")
                        .map((rs, ctx) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).one());
                System.out.printf("%d | %d | %.0f | %d | %d | %.1f | %.0f%n", w, (long) w * perWindow, perReply,
                        counts[0], counts[1], counts[2] / (double) world.threads().size(), perQuery);
            }
        }
    }
}
