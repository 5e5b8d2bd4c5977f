package dev.forumkit.persistence.jdbi.bench;

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
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * A reply's request-thread CPU on an H2 file (issue 18, task replyh2), in one JVM: the replying thread's CPU time
 * ({@link ThreadMXBean#getCurrentThreadCpuTime}) per reply, in rounds, so the machine's load moves little. A fresh H2
 * file with the production URL (write gate, durable commit), 16 members, 400 threads, the body of bench/reply.lua
 * (one mention, a counter so no spam check holds it); the outbox consumers run on their own thread as in the server.
 *
 * <p>{@code whole}: rounds of whole replies through {@code Forum} (the service, the markup, the transaction; not the
 * web layer). {@code ab}: the statements the task changed, old and new, interleaved per round (order swapped every
 * round), each in a transaction of its own with a durable commit, like {@link ReplyThreadRowAb}.
 *
 * <p>Arguments: whole|ab, [rounds, default 10], [per round, default 1000], [warm-up, default 3000].
 */
public final class ReplyH2Cost {
    private ReplyH2Cost() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "whole";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
        Path dir = Files.createTempDirectory("replyh2");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (JdbiForumStorage storage = JdbiForumStorage.embeddedH2(dir);
             Forum forum = Forum.create(storage, c -> c.passwordHasher(ForumFixture.fastHasher())
                     .viewFlushInterval(Duration.ZERO))) {
            ForumFixture fx = ForumFixture.on(forum, storage);
            ReplyBenchWorld world = ReplyBenchWorld.seed(fx);
            List<Member> members = world.members();
            List<ThreadId> threads = world.threads();
            Random random = new Random(7);
            IntConsumer replies = world.replies(forum, random);
            if (mode.equals("whole")) {
                replies.accept(warmUp);
                double[] per = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    per[r] = cpuPer(cpu, () -> replies.accept(perRound), perRound);
                    System.out.printf("round %d: %.1f µs per reply (replying thread)%n", r, per[r]);
                }
                System.out.printf("median %.1f µs per reply%n", median(per));
                return;
            }
            replies.accept(warmUp / 3);
            forum.outbox().drain();
            List<Variant> variants = Variants.all(storage, members, threads, random);
            for (Variant v : variants) {
                v.run(warmUp);
            }
            double[][] per = new double[variants.size()][rounds];
            for (int r = 0; r < rounds; r++) {
                StringBuilder line = new StringBuilder("round " + r);
                for (int k = 0; k < variants.size(); k++) {
                    int i = r % 2 == 0 ? k : variants.size() - 1 - k;
                    Variant v = variants.get(i);
                    per[i][r] = cpuPer(cpu, () -> v.run(perRound), perRound);
                }
                for (int i = 0; i < variants.size(); i++) {
                    line.append(String.format(" | %s %.1f", variants.get(i).name(), per[i][r]));
                }
                System.out.println(line);
            }
            for (int i = 0; i < variants.size(); i++) {
                double[] rest = Arrays.copyOfRange(per[i], Math.min(2, rounds - 1), rounds);
                System.out.printf("%s: median %.1f µs per transaction (rounds 2+)%n", variants.get(i).name(), median(rest));
            }
        }
    }

    /**
     * A forum on a new H2 file in {@code dir} (as in {@code whole}) and a function that makes {@code n} replies on
     * the calling thread: for {@code ReplyH2ClassesAb}, which loads this class once per build in class loaders of
     * their own and interleaves their rounds in one JVM. The forum stays open until the JVM ends.
     */
    public static IntConsumer open(Path dir) {
        JdbiForumStorage storage = JdbiForumStorage.embeddedH2(dir);
        Forum forum = Forum.create(storage, c -> c.passwordHasher(ForumFixture.fastHasher()).viewFlushInterval(Duration.ZERO));
        ForumFixture fx = ForumFixture.on(forum, storage);
        return ReplyBenchWorld.seed(fx).replies(forum, new Random(7));
    }

    /**
     * As {@link #open}, for {@code ReplyOutboxAb}: {@code applyAsLong(n)} with {@code n > 0} makes n replies on the
     * calling thread; {@code applyAsLong(0)} waits (sleeping, polling the outbox's status every 10 ms) until every
     * durable consumer and the listeners have caught up with the head, so that a round's outbox work is all done before
     * it is read. The search consumer is not waited for: outside the storage it records its position every 30 s only
     * (it gathers for 1 s, so its work falls into the rounds as it comes). Both answer the H2 file's durable commits so
     * far.
     */
    public static java.util.function.IntToLongFunction openStream(Path dir) {
        JdbiForumStorage storage = JdbiForumStorage.embeddedH2(dir);
        String cache = System.getProperty("identity.cache");
        if (cache != null) { // task h2outbox: the identity sequences' cache (H2's default 32), set after the migrations
            storage.jdbi().useHandle(h -> {
                h.execute("ALTER TABLE posts ALTER COLUMN id SET CACHE " + Integer.parseInt(cache));
                h.execute("ALTER TABLE alerts ALTER COLUMN id SET CACHE " + Integer.parseInt(cache));
            });
        }
        Forum forum = Forum.create(storage, c -> c.passwordHasher(ForumFixture.fastHasher()).viewFlushInterval(Duration.ZERO));
        ForumFixture fx = ForumFixture.on(forum, storage);
        IntConsumer replies = ReplyBenchWorld.seed(fx).replies(forum, new Random(7));
        return n -> {
            if (n > 0) {
                replies.accept(n);
                return storage.durableCommits();
            }
            while (forum.outbox().status().consumers().stream().anyMatch(c -> c.lag() > 0
                    && !c.name().equals(dev.forumkit.core.search.SearchIndexer.CONSUMER))) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return storage.durableCommits();
        };
    }

    /** One way to run a reply's statements, as a whole transaction. */
    interface Variant {
        String name();

        void run(int n);
    }

    static double cpuPer(ThreadMXBean cpu, Runnable work, int n) {
        long start = cpu.getCurrentThreadCpuTime();
        work.run();
        return (cpu.getCurrentThreadCpuTime() - start) / 1e3 / n;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /**
     * The variants the ab mode compares, each {@value #PER_TX} times the statements in one transaction (so the commit,
     * the same in all, weighs less), on the same H2 file through its Jdbi (not gated: the outbox is idle by then):
     * <ul>
     * <li>{@code concat}/{@code const}: the member's row by id with its SQL built per call (as the ports did) or one
     * constant string (H2's and Jdbi's caches then hash and compare it once per string, not per call);
     * <li>{@code forUpdate}/{@code plain}: the thread's row read with {@code FOR UPDATE} (H2 parses it every time: it
     * never caches a FOR UPDATE command) or plainly (cached), each followed by an update of that row as in a reply;
     * <li>{@code merge}/{@code update}: the read mark as a MERGE or an UPDATE first (an INSERT only when no row);
     * <li>{@code batch1}/{@code update1}: the outbox's insert of one event as a Jdbi batch of one or a plain insert;
     * <li>{@code counters2}/{@code counters1}: the member's counters as two updates or one MERGE (H2 refuses the latter);
     * <li>{@code final}/{@code keys}: a post's insert answering its id through FINAL TABLE or generated keys.
     * </ul>
     * Which pairs run: {@code -Dab=sql,lock,mark,event,counters,insert}; statements per transaction: {@code -DperTx}.
     */
    static final class Variants {
        static final int PER_TX = Integer.getInteger("perTx", 10);
        private static final String MEMBER_COLUMNS = "id, username, email, password_hash, custom_title, joined_at, role,"
                + " ban_reason, ban_since, ban_until, banned_by, message_count, reaction_score, email_verified";
        private static final String MEMBER_BY_ID = "SELECT " + MEMBER_COLUMNS + " FROM members WHERE id = :id";
        private static final String THREAD_SELECT = "SELECT * FROM threads WHERE id = :id";
        private static final String THREAD_FOR_UPDATE = THREAD_SELECT + " FOR UPDATE";
        private static final String TOUCH_THREAD = "UPDATE threads SET reply_count = reply_count + 0 WHERE id = :id";
        private static final String INSERT_EVENT = "INSERT INTO events (position, type, payload, created_at)"
                + " VALUES (:position, :type, :payload, :created)";
        private static final String MEMBER_COUNTERS = "UPDATE members SET message_count = message_count + :messages,"
                + " reaction_score = reaction_score + :score WHERE id = :id";
        private static final String BOARD_COUNTERS = "UPDATE member_board_counts SET message_count = message_count + :messages,"
                + " reaction_score = reaction_score + :score WHERE member_id = :member AND board_id = :board";
        private static final String COUNTERS_ONE = "MERGE INTO member_board_counts c USING (SELECT id AS member_id,"
                + " CAST(:board AS BIGINT) AS board_id, CAST(:messages AS INTEGER) AS messages, CAST(:score AS BIGINT) AS score"
                + " FROM FINAL TABLE (UPDATE members SET message_count = message_count + :messages,"
                + " reaction_score = reaction_score + :score WHERE id = :id)) s"
                + " ON c.member_id = s.member_id AND c.board_id = s.board_id"
                + " WHEN MATCHED THEN UPDATE SET message_count = c.message_count + s.messages,"
                + " reaction_score = c.reaction_score + s.score"
                + " WHEN NOT MATCHED THEN INSERT (member_id, board_id, message_count, reaction_score)"
                + " VALUES (s.member_id, s.board_id, s.messages, s.score)";
        private static final String INSERT_POST = "INSERT INTO posts (thread_id, number, author_id, body, created_at,"
                + " edit_count, html, render_version) VALUES (:thread, :number, :author, :body, :createdAt, 0, :html, 1)";
        private static final String MERGE = "MERGE INTO read_states t USING (VALUES (CAST(:member AS BIGINT),"
                + " CAST(:thread AS BIGINT), CAST(:n AS INTEGER))) AS s (member_id, thread_id, last_read)"
                + " ON t.member_id = s.member_id AND t.thread_id = s.thread_id"
                + " WHEN MATCHED AND t.last_read < s.last_read THEN UPDATE SET last_read = s.last_read"
                + " WHEN NOT MATCHED THEN INSERT (member_id, thread_id, last_read)"
                + " VALUES (s.member_id, s.thread_id, s.last_read)";
        private static final String UPDATE_MARK = "UPDATE read_states SET last_read = :n WHERE member_id = :member"
                + " AND thread_id = :thread AND last_read < :n";
        private static final String INSERT_MARK = "INSERT INTO read_states (member_id, thread_id, last_read)"
                + " SELECT :member, :thread, :n WHERE NOT EXISTS (SELECT 1 FROM read_states WHERE member_id = :member"
                + " AND thread_id = :thread)";

        private Variants() {
        }

        static List<Variant> all(JdbiForumStorage s, List<Member> members, List<ThreadId> threads, Random random) {
            org.jdbi.v3.core.Jdbi jdbi = s.jdbi();
            int[] mark = {1_000_000};
            String which = System.getProperty("ab", "sql,lock,mark");
            List<Variant> out = new ArrayList<>();
            if (which.contains("sql")) {
                out.add(variant("concat", jdbi, (h, i) -> h.createQuery("SELECT " + String.join(", ", MEMBER_COLUMNS)
                                + " FROM members WHERE id = :id").bind("id", members.get(random.nextInt(members.size())).id().value())
                        .mapToMap().one()));
                out.add(variant("const", jdbi, (h, i) -> h.createQuery(MEMBER_BY_ID)
                        .bind("id", members.get(random.nextInt(members.size())).id().value()).mapToMap().one()));
            }
            if (which.contains("lock")) {
                // each read followed by an update of the same row, as a reply does (Threads.addReply)
                out.add(variant("forUpdate", jdbi, (h, i) -> {
                    long t = threads.get(random.nextInt(threads.size())).value();
                    h.createQuery(THREAD_FOR_UPDATE).bind("id", t).mapToMap().one();
                    return h.createUpdate(TOUCH_THREAD).bind("id", t).execute();
                }));
                out.add(variant("plain", jdbi, (h, i) -> {
                    long t = threads.get(random.nextInt(threads.size())).value();
                    h.createQuery(THREAD_SELECT).bind("id", t).mapToMap().one();
                    return h.createUpdate(TOUCH_THREAD).bind("id", t).execute();
                }));
            }
            if (which.contains("mark")) {
                // a new, higher number each time (as a reply's own mark); the row exists for a share of threads
                out.add(variant("merge", jdbi, (h, i) -> h.createUpdate(MERGE).bind("member", members.get(random.nextInt(members.size())).id().value())
                        .bind("thread", threads.get(random.nextInt(threads.size())).value()).bind("n", mark[0]++).execute()));
                out.add(variant("update", jdbi, (h, i) -> {
                    long m = members.get(random.nextInt(members.size())).id().value();
                    long t = threads.get(random.nextInt(threads.size())).value();
                    int n = mark[0]++;
                    if (h.createUpdate(UPDATE_MARK).bind("member", m).bind("thread", t).bind("n", n).execute() == 0) {
                        h.createUpdate(INSERT_MARK).bind("member", m).bind("thread", t).bind("n", n).execute();
                    }
                    return null;
                }));
            }
            if (which.contains("event")) {
                // the outbox's insert of a reply's one event: a Jdbi batch of one (as append did) or a plain update
                long[] position = {1L << 40};
                String payload = "{\"post\":123456,\"thread\":4567,\"number\":89,\"author\":12,\"at\":\"2026-12-07T10:00:00Z\",\"mentions\":[1],\"quotes\":[]}";
                out.add(variant("batch1", jdbi, (h, i) -> {
                    org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch(INSERT_EVENT);
                    batch.bind("position", position[0]++).bind("type", "PostCreated").bind("payload", payload)
                            .bind("created", java.time.OffsetDateTime.now()).add();
                    return batch.execute();
                }));
                out.add(variant("update1", jdbi, (h, i) -> h.createUpdate(INSERT_EVENT).bind("position", position[0]++)
                        .bind("type", "PostCreated").bind("payload", payload).bind("created", java.time.OffsetDateTime.now())
                        .execute()));
            }
            if (which.contains("counters")) {
                // the member's counters on H2: two updates (members, then member_board_counts; an insert when no row)
                // or one MERGE whose source is the members update (FINAL TABLE)
                long board = s.threads().byId(threads.get(0)).orElseThrow().boardId().value();
                out.add(variant("counters2", jdbi, (h, i) -> {
                    long m = members.get(random.nextInt(members.size())).id().value();
                    h.createUpdate(MEMBER_COUNTERS).bind("messages", 1).bind("score", 0).bind("id", m).execute();
                    if (h.createUpdate(BOARD_COUNTERS).bind("messages", 1).bind("score", 0).bind("member", m)
                            .bind("board", board).execute() == 0) {
                        throw new IllegalStateException("no member_board_counts row");
                    }
                    return null;
                }));
                out.add(variant("counters1", jdbi, (h, i) -> h.createUpdate(COUNTERS_ONE)
                        .bind("messages", 1).bind("score", 0L).bind("id", members.get(random.nextInt(members.size())).id().value())
                        .bind("board", board).execute()));
            }
            if (which.contains("insert")) {
                // the post's insert: its id through FINAL TABLE (as Posts.add) or JDBC's generated keys
                long thread = threads.get(0).value();
                long author = members.get(0).id().value();
                int[] number = {1_000_000};
                out.add(variant("final", jdbi, (h, i) -> h.createQuery("SELECT id FROM FINAL TABLE (" + INSERT_POST + ")")
                        .bind("thread", thread).bind("number", number[0]++).bind("author", author)
                        .bind("body", "Benchmark reply: agreed, the new tyres roll better.")
                        .bind("createdAt", java.time.OffsetDateTime.now()).bind("html", "<p>Benchmark reply</p>")
                        .mapTo(Long.class).one()));
                out.add(variant("keys", jdbi, (h, i) -> h.createUpdate(INSERT_POST)
                        .bind("thread", thread).bind("number", number[0]++).bind("author", author)
                        .bind("body", "Benchmark reply: agreed, the new tyres roll better.")
                        .bind("createdAt", java.time.OffsetDateTime.now()).bind("html", "<p>Benchmark reply</p>")
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
            }
            return out;
        }

        private static Variant variant(String name, org.jdbi.v3.core.Jdbi jdbi,
                                       java.util.function.BiFunction<org.jdbi.v3.core.Handle, Integer, Object> statement) {
            return new Variant() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public void run(int n) {
                    for (int i = 0; i < n; i++) {
                        jdbi.useTransaction(h -> {
                            for (int k = 0; k < PER_TX; k++) {
                                statement.apply(h, k);
                            }
                        });
                    }
                }
            };
        }
    }
}
