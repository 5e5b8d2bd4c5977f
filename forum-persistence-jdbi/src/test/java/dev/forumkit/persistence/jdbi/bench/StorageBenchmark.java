package dev.forumkit.persistence.jdbi.bench;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.persistence.jdbi.ConnectionPools;
import dev.forumkit.persistence.jdbi.JdbiBulkLoader;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import dev.forumkit.testkit.ForumFixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * A plain benchmark main (no JMH): bulk-loads a forum of {@code posts} posts into a fresh embedded H2 database
 * (one thread of 100,000 posts, the rest in threads of 20), then times reply, thread page 1, thread page 5,000,
 * board page 1 and What's new through Forum. Arguments: [data dir] [posts] [--load-only]; defaults
 * target/bench-data 1000000.
 * The figures and the command are in docs/benchmarks.md.
 */
public final class StorageBenchmark {
    private static final int BIG_THREAD = 100_000;
    private static final int POSTS_PER_THREAD = 20;
    private static final int MEMBERS = 10_000;
    private static final int BOARDS = 10;

    private StorageBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-data");
        int posts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        deleteDir(dir);
        System.out.printf("H2 file database in %s, %,d posts, %d cores, Java %s%n", dir.toAbsolutePath(), posts,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (JdbiForumStorage storage = JdbiForumStorage.embeddedH2(dir)) {
            Loaded data = load(storage, posts);
            if (args.length > 2 && args[2].equals("--load-only")) {
                return;
            }
            try (Forum forum = Forum.create(storage, c -> c.passwordHasher(ForumFixture.fastHasher())
                    .viewFlushInterval(Duration.ZERO))) {
                measure(forum, data);
            }
        }
        System.out.printf("database file: %,d MB%n", Files.size(dir.resolve("forum.mv.db")) / 1_000_000);
    }

    record Loaded(List<Member> members, List<Board> boards, ThreadId bigThread, List<ThreadId> threads) {
    }

    static Loaded load(JdbiForumStorage storage, int totalPosts) {
        Random random = new Random(7);
        ReactionTypes types = ReactionTypes.defaults();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        String body = "Rode the long loop past the reservoir today; the headwind on the dam road was brutal but the "
                + "descent made up for it. Anyone tried the new gravel section near the old mill?";
        List<Member> members = new ArrayList<>();
        List<Board> boards = new ArrayList<>();
        List<ThreadId> threads = new ArrayList<>();
        ThreadId big;
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        long postCount = 0;
        long reactionCount = 0;
        long insertNanos;
        long insertCpu;
        try (JdbiBulkLoader load = JdbiBulkLoader.open(storage, types)) {
            for (int i = 0; i < MEMBERS; i++) {
                members.add(load.member(Member.withoutId("rider" + i, "rider" + i + "@example.org", "x", start,
                        i == 0 ? Role.ADMIN : Role.MEMBER)));
            }
            Category category = load.category(Category.withoutId("Cycling", "", 1));
            for (int b = 0; b < BOARDS; b++) {
                boards.add(load.board(Board.withoutId(category.id(), "Board " + b, "", null, b + 1)));
            }
            Instant at = start;
            ForumThread bigThread = load.thread(ForumThread.withoutId(boards.get(0).id(), "The big thread", members.get(0).id(), at));
            big = bigThread.id();
            for (int n = 1; n <= Math.min(BIG_THREAD, totalPosts); n++) {
                at = at.plusMillis(10);
                load.post(Post.withoutId(big, n, members.get(n == 1 ? 0 : random.nextInt(MEMBERS)).id(), body, at));
                postCount++;
            }
            while (postCount < totalPosts) {
                Member starter = members.get(random.nextInt(MEMBERS));
                ForumThread t = load.thread(ForumThread.withoutId(boards.get(random.nextInt(BOARDS)).id(),
                        "Ride report " + threads.size(), starter.id(), at));
                threads.add(t.id());
                for (int n = 1; n <= POSTS_PER_THREAD && postCount < totalPosts; n++) {
                    at = at.plusMillis(10);
                    Member author = n == 1 ? starter : members.get(random.nextInt(MEMBERS));
                    Post p = load.post(Post.withoutId(t.id(), n, author.id(), body, at));
                    postCount++;
                    if (n % 5 == 0) { // one post in five gets a reaction
                        Member reactor = members.get(random.nextInt(MEMBERS));
                        if (!reactor.id().equals(author.id())) {
                            load.reaction(new Reaction(p.id(), reactor.id(), author.id(), "like", at));
                            reactionCount++;
                        }
                    }
                }
            }
            load.flush();
            insertNanos = System.nanoTime() - t0;
            insertCpu = cpuNanos() - cpu0;
            load.finish();
        }
        double insert = insertNanos / 1e9;
        System.out.printf("bulk inserts used %.1f s of CPU (all threads): %,.0f posts per CPU-second%n",
                insertCpu / 1e9, postCount / (insertCpu / 1e9));
        double total = (System.nanoTime() - t0) / 1e9;
        System.out.printf("bulk load: %,d posts, %,d threads, %,d reactions, %,d members: inserts %.1f s (%,.0f posts/s),"
                        + " with recount %.1f s (%,.0f posts/s)%n", postCount, threads.size() + 1, reactionCount, MEMBERS,
                insert, postCount / insert, total, postCount / total);
        return new Loaded(members, boards, big, threads);
    }

    static void measure(Forum forum, Loaded data) {
        Random random = new Random(11);
        Actor reader = Actor.member(data.members().get(1).id());
        int bigPages = BIG_THREAD / 20;
        time("thread page 1 (member)", 2_000, i -> forum.reading().threadPage(reader, data.bigThread(), 1));
        time("thread page 5,000 (member)", 2_000, i -> forum.reading().threadPage(reader, data.bigThread(), bigPages));
        time("thread page 1 (guest)", 2_000, i -> forum.reading().threadPage(Actor.guest(), data.bigThread(), 1));
        time("board page 1 (guest)", 2_000, i -> forum.reading().boardPage(Actor.guest(), data.boards().get(1).id(), 1));
        time("board page 100 (guest)", 1_000, i -> forum.reading().boardPage(Actor.guest(), data.boards().get(1).id(), 100));
        time("What's new page 1 (member)", 2_000, i -> forum.reading().whatsNew(reader, 1));
        time("board index (guest)", 2_000, i -> forum.reading().boardIndex(Actor.guest()));
        List<ThreadId> threads = data.threads();
        time("reply (random thread, 1 writer)", 2_000, i -> forum.posts().reply(
                Actor.member(data.members().get(random.nextInt(data.members().size())).id()),
                threads.get(random.nextInt(threads.size())), "benchmark reply " + i).post());
        time("react (random post, 1 writer)", 1_000, i -> {
            ThreadId t = threads.get(random.nextInt(threads.size()));
            var page = forum.reading().threadPage(Actor.guest(), t, 1).posts().items();
            forum.reactions().react(Actor.member(data.members().get(random.nextInt(data.members().size())).id()),
                    page.get(page.size() - 1).post().id(), "love");
        });
    }

    private static void time(String name, int runs, IntConsumer op) {
        for (int i = 0; i < Math.min(200, runs / 5); i++) {
            try {
                op.accept(i);
            } catch (dev.forumkit.core.NotAllowedException e) {
                // a member reacting to their own post: skipped
            }
        }
        long[] nanos = new long[runs];
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            try {
                op.accept(i);
            } catch (dev.forumkit.core.NotAllowedException e) {
                // as above
            }
            nanos[i] = System.nanoTime() - s;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("%-34s %,8.0f ops/s   mean %6.2f ms   p50 %6.2f ms   p99 %6.2f ms%n", name, runs / seconds,
                seconds * 1000 / runs, nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.99)] / 1e6);
    }

    /** CPU time of this JVM (every thread): a figure less shaken by other processes than wall time. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void deleteDir(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
    }

}
