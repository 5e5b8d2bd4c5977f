package dev.forumkit.persistence.jdbi.bench;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import dev.forumkit.testkit.ForumFixture;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * The reply's thread-row and author-row statements, before and after task replytx, in one JVM (issue 18): thread CPU
 * time ({@link ThreadMXBean#getCurrentThreadCpuTime}) of the writing thread per transaction, in interleaved rounds, so
 * the machine's load moves both variants alike. Each transaction runs on an H2 file with the production URL (the
 * write gate, a durable commit):
 * <ul>
 * <li>{@code old}: the locked read, {@code allocatePostNumber}, the post, {@code addReplies}, {@code setLastPost}, the
 * board's {@code addCounters} and {@code offerLastPost}, and the author row read again for the answer (what
 * {@code PostService.submitReply} did before);
 * <li>{@code new}: the locked read, the post, {@code Threads.addReply} (number, reply count and last post in one
 * update), {@code Boards.addPost} (counters and last post in one update).
 * </ul>
 * The rest of the reply (member counters, read mark, outbox) is the same in both and left out. After the
 * rounds, whole replies through {@code Forum} (the new code) for the absolute figure.
 *
 * <p>Arguments: [rounds, default 8], [transactions per variant per round, default 1000], [whole replies, default 2000].
 */
public final class ReplyThreadRowAb {
    private ReplyThreadRowAb() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int whole = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Path dir = Files.createTempDirectory("replytx-ab");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (JdbiForumStorage storage = JdbiForumStorage.embeddedH2(dir);
             Forum forum = Forum.create(storage, c -> c.passwordHasher(ForumFixture.fastHasher())
                     .viewFlushInterval(Duration.ZERO))) {
            ForumFixture fx = ForumFixture.on(forum, storage);
            ReplyBenchWorld world = ReplyBenchWorld.seed(fx);
            List<Member> members = world.members();
            List<ThreadId> threads = world.threads();
            Random random = new Random(7);
            // warm-up: both variants, so the JIT and H2's caches serve both
            run(storage, members, threads, random, true, 2000);
            run(storage, members, threads, random, false, 2000);
            System.out.println("round | old µs/tx | new µs/tx | saved µs/tx");
            double oldSum = 0;
            double newSum = 0;
            for (int r = 0; r < rounds; r++) {
                double o;
                double n;
                if (r % 2 == 0) {
                    o = cpuPerTx(cpu, () -> run(storage, members, threads, random, true, perRound), perRound);
                    n = cpuPerTx(cpu, () -> run(storage, members, threads, random, false, perRound), perRound);
                } else {
                    n = cpuPerTx(cpu, () -> run(storage, members, threads, random, false, perRound), perRound);
                    o = cpuPerTx(cpu, () -> run(storage, members, threads, random, true, perRound), perRound);
                }
                oldSum += o;
                newSum += n;
                System.out.printf("%d | %.1f | %.1f | %.1f%n", r, o, n, o - n);
            }
            System.out.printf("mean | %.1f | %.1f | %.1f%n", oldSum / rounds, newSum / rounds, (oldSum - newSum) / rounds);
            String body = "Benchmark reply: agreed, @" + members.get(0).username() + ", the **new** tyres roll better.";
            for (int i = 0; i < 500; i++) { // warm-up of the whole path
                reply(forum, members, threads, random, body);
            }
            double per = cpuPerTx(cpu, () -> {
                for (int i = 0; i < whole; i++) {
                    reply(forum, members, threads, random, body);
                }
            }, whole);
            System.out.printf("whole reply through Forum (this thread only; consumers on their own thread): %.1f µs%n", per);
        }
    }

    private static void reply(Forum forum, List<Member> members, List<ThreadId> threads, Random random, String body) {
        try {
            forum.posts().reply(Actor.member(members.get(random.nextInt(members.size())).id()),
                    threads.get(random.nextInt(threads.size())), body);
        } catch (dev.forumkit.core.ForumException e) {
            // a spam check: the same for every round
        }
    }

    private static double cpuPerTx(ThreadMXBean cpu, Runnable work, int n) {
        long start = cpu.getCurrentThreadCpuTime();
        work.run();
        return (cpu.getCurrentThreadCpuTime() - start) / 1e3 / n;
    }

    private static void run(ForumStorage s, List<Member> members, List<ThreadId> threads, Random random, boolean old, int n) {
        for (int i = 0; i < n; i++) {
            Member author = members.get(random.nextInt(members.size()));
            ThreadId id = threads.get(random.nextInt(threads.size()));
            s.transactions().inTransaction(() -> {
                ForumThread t = s.threads().byIdForUpdate(id).orElseThrow();
                if (old) {
                    int number = s.threads().allocatePostNumber(id);
                    Post p = s.posts().add(Post.withoutId(id, number, author.id(), "a reply", java.time.Instant.now()));
                    s.threads().addReplies(id, 1);
                    s.threads().setLastPost(id, LastPost.of(p));
                    s.boards().addCounters(t.boardId(), 0, 1);
                    s.boards().offerLastPost(t.boardId(), LastPost.of(p));
                    return s.members().byId(author.id()).orElseThrow();
                }
                Post p = s.posts().add(Post.withoutId(id, t.postCounter() + 1, author.id(), "a reply", java.time.Instant.now()));
                s.threads().addReply(id, LastPost.of(p));
                s.boards().addPost(t.boardId(), 0, LastPost.of(p));
                return author;
            });
        }
    }
}
