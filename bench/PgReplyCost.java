import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.markup.ForumMarkupRenderer;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one reply costs on PostgreSQL, on both sides of the socket, in one JVM (issue 18, task pgreply2): the forum is
 * opened as forum-app's {@code Main} opens it on PostgreSQL (a {@code JdbiForumStorage.connect} pool, LISTEN/NOTIFY
 * signals, the PostgreSQL search index, the real markup renderer, the outbox running on its own thread), then W
 * writer threads reply through {@code Forum} (no HTTP) by the 16 first members to random threads with the body of
 * bench/reply.lua, in rounds. Per reply and round it prints:
 * <ul>
 *   <li>the writer threads' own CPU time ({@code ThreadMXBean.getCurrentThreadCpuTime}, what a request thread spends
 *       in forumkit below the web layer), and the rest of the process (the outbox, GC, JIT) from /proc/self;</li>
 *   <li>the CPU time of the database's backends (/proc/PID/stat of every backend of the database: the writers', the
 *       outbox's, the LISTEN connection), 10 ms ticks, so use thousands of replies per round;</li>
 *   <li>statements and commits per reply (pg_stat_statements calls, pg_stat_database xact_commit).</li>
 * </ul>
 * At the end: the statements by total execution time per reply (pg_stat_statements, over the measured rounds).
 * Needs pg_stat_statements loaded ({@code shared_preload_libraries}) and a superuser URL for the statistics.
 * <pre>
 *   java -cp forum-app/target/forumkit.jar bench/PgReplyCost.java JDBC_URL USER PASSWORD STATS_URL
 *        [writers 4] [warm-up replies 3000] [replies per round 2000] [rounds 3]
 * </pre>
 * Writes to the database (replies): compare two jars in interleaved runs on the same database. {@code -Doutbox=off}:
 * no outbox thread (the events stay unhandled), to see what the request's own transaction costs the database.
 */
public final class PgReplyCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long TICK_NS = 10_000_000L; // CLK_TCK 100

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        String statsUrl = args[3];
        int writers = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        int warm = args.length > 5 ? Integer.parseInt(args[5]) : 3000;
        int perRound = args.length > 6 ? Integer.parseInt(args[6]) : 2000;
        int rounds = args.length > 7 ? Integer.parseInt(args[7]) : 3;
        String db = url.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
        // the production pool (JdbiForumStorage.connect's settings) but patient: a loaded machine gives the first
        // connections slower than the 2 s a request may wait
        try (JdbiForumStorage storage = JdbiForumStorage.owning(dev.forumkit.persistence.jdbi.ConnectionPools.hikari(url,
                user, password, c -> c.setConnectionTimeout(30_000)));
             Connection stats = DriverManager.getConnection(statsUrl)) {
            var signals = storage.signals();
            boolean outbox = !"off".equals(System.getProperty("outbox"));
            try (Forum forum = Forum.create(storage, c -> c.signals(signals)
                    .markupRenderer(ForumMarkupRenderer.create())
                    .outboxPollInterval(outbox ? java.time.Duration.ofSeconds(1) : java.time.Duration.ZERO)
                    .searchIndex(storage.searchIndex().orElseThrow()))) {
                List<MemberId> members = new ArrayList<>();
                List<ThreadId> threads = new ArrayList<>();
                String mentioned;
                try (Statement s = stats.createStatement()) {
                    s.execute("SET search_path TO public");
                    try (ResultSet r = s.executeQuery("SELECT id FROM " + "members ORDER BY id LIMIT 16")) {
                        while (r.next()) {
                            members.add(new MemberId(r.getLong(1)));
                        }
                    }
                    // as bench/run.sh: every thread but the first (the mega-thread), unlocked, not deleted
                    try (ResultSet r = s.executeQuery("SELECT id FROM threads WHERE deleted_at IS NULL AND NOT locked"
                            + " AND id > (SELECT min(id) FROM threads) ORDER BY id")) {
                        while (r.next()) {
                            threads.add(new ThreadId(r.getLong(1)));
                        }
                    }
                    try (ResultSet r = s.executeQuery("SELECT username FROM members ORDER BY id LIMIT 1")) {
                        r.next();
                        mentioned = r.getString(1);
                    }
                }
                System.out.printf("%s: %d members, %,d threads, %d writers; load average %s%n", db, members.size(),
                        threads.size(), writers, loadAverage());
                AtomicLong counter = new AtomicLong();
                run(forum, members, threads, mentioned, counter, writers, warm);
                reset(stats);
                System.out.println("round | replies | refused | writers' CPU us/reply | rest of the process us/reply"
                        + " | backends' CPU us/reply | statements/reply | commits/reply | backends' waits/reply | load average");
                Snapshot total0 = Snapshot.take(stats, db);
                for (int round = 1; round <= rounds; round++) {
                    Snapshot before = Snapshot.take(stats, db);
                    long[] r = run(forum, members, threads, mentioned, counter, writers, perRound);
                    Snapshot after = Snapshot.take(stats, db);
                    double n = perRound;
                    System.out.printf("%d | %d | %d | %.0f | %.0f | %.0f | %.2f | %.2f | %.2f | %s%n", round, perRound, r[1],
                            r[0] / 1e3 / n, (after.processNs - before.processNs - r[0]) / 1e3 / n,
                            (after.backendNs(before) / 1e3) / n, (after.statements - before.statements) / n,
                            (after.commits - before.commits) / n, after.waits(before) / n, loadAverage());
                }
                Snapshot total1 = Snapshot.take(stats, db);
                top(stats, (double) perRound * rounds, total1.backendNs(total0));
            }
        }
    }

    /** {@code n} replies over {@code writers} threads; answers the writers' CPU ns and the refused replies. */
    private static long[] run(Forum forum, List<MemberId> members, List<ThreadId> threads, String mentioned,
                              AtomicLong counter, int writers, int n) throws InterruptedException {
        AtomicLong cpu = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        CountDownLatch done = new CountDownLatch(writers);
        for (int w = 0; w < writers; w++) {
            int share = n / writers + (w < n % writers ? 1 : 0);
            Random random = new Random(17L * w + counter.get());
            Thread t = new Thread(() -> {
                long start = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < share; i++) {
                    long k = counter.incrementAndGet();
                    try {
                        forum.posts().reply(Actor.member(members.get((int) (k % members.size()))),
                                threads.get(random.nextInt(threads.size())),
                                "Benchmark reply " + k + ": agreed, @" + mentioned + ", the **new** tyres roll better.");
                    } catch (dev.forumkit.core.ForumException e) {
                        refused.incrementAndGet();
                    }
                }
                cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - start);
                done.countDown();
            }, "writer-" + w);
            t.start();
        }
        done.await();
        Thread.sleep(300); // let the outbox catch up, so its work lands in this round
        return new long[]{cpu.get(), refused.get()};
    }

    private static void reset(Connection stats) throws SQLException {
        try (Statement s = stats.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    private static void top(Connection stats, double replies, long backendNs) throws SQLException {
        System.out.printf("%nstatements over the measured rounds, per reply (backends' CPU %.0f us/reply):%n",
                backendNs / 1e3 / replies);
        try (Statement s = stats.createStatement(); ResultSet r = s.executeQuery("SELECT sum(total_exec_time),"
                + " sum(total_plan_time), sum(plans), sum(calls) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
                + " WHERE d.datname = current_database() AND s.query NOT LIKE '%pg_stat%'")) {
            r.next();
            System.out.printf("all statements: exec %.0f us/reply, planning %.0f us/reply, %.2f plans/reply, %.2f calls/reply%n",
                    r.getDouble(1) * 1e3 / replies, r.getDouble(2) * 1e3 / replies, r.getLong(3) / replies, r.getLong(4) / replies);
        }
        System.out.println("| exec us/reply | plan us/reply | calls/reply | plans/call | rows/call | mean exec us | query |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---|");
        try (Statement s = stats.createStatement(); ResultSet r = s.executeQuery(
                "SELECT total_exec_time, total_plan_time, calls, plans, rows, query FROM pg_stat_statements s"
                        + " JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database()"
                        + " ORDER BY total_exec_time + total_plan_time DESC LIMIT " + Integer.getInteger("top", 30))) {
            while (r.next()) {
                double ms = r.getDouble(1);
                long calls = r.getLong(3);
                String q = r.getString(6).replaceAll("\\s+", " ");
                System.out.printf("| %.1f | %.1f | %.3f | %.2f | %.1f | %.1f | %s |%n", ms * 1e3 / replies,
                        r.getDouble(2) * 1e3 / replies, calls / replies, calls == 0 ? 0 : r.getLong(4) / (double) calls,
                        calls == 0 ? 0 : r.getLong(5) / (double) calls, calls == 0 ? 0 : ms * 1e3 / calls,
                        q.substring(0, Math.min(Integer.getInteger("width", 140), q.length())));
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    /** The process's CPU, the database's backends' CPU by pid, its statements and commits, at one moment. */
    private record Snapshot(long processNs, Map<Integer, Long> backends, Map<Integer, Long> switches, long statements,
                            long commits) {
        static Snapshot take(Connection stats, String db) throws Exception {
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            Map<Integer, Long> backends = new TreeMap<>();
            Map<Integer, Long> switches = new TreeMap<>();
            long statements;
            long commits;
            try (Statement s = stats.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = '" + db
                        + "' AND pid <> pg_backend_pid()")) {
                    while (r.next()) {
                        int pid = r.getInt(1);
                        backends.put(pid, cpuTicks(pid));
                        switches.put(pid, voluntarySwitches(pid));
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s JOIN"
                        + " pg_database d ON d.oid = s.dbid WHERE d.datname = '" + db + "' AND s.query NOT LIKE '%pg_stat%'")) {
                    r.next();
                    statements = r.getLong(1);
                }
                try (ResultSet r = s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = '" + db + "'")) {
                    r.next();
                    commits = r.getLong(1);
                }
            }
            return new Snapshot(process, backends, switches, statements, commits);
        }

        /**
         * The backends' voluntary context switches since {@code before}: each time a backend sleeps, mostly waiting for
         * the server's next message (one per round trip), else for a lock or a WAL flush.
         */
        long waits(Snapshot before) {
            long n = 0;
            for (Map.Entry<Integer, Long> e : switches.entrySet()) {
                n += Math.max(0, e.getValue() - before.switches.getOrDefault(e.getKey(), 0L));
            }
            return n;
        }

        private static long voluntarySwitches(int pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("voluntary_ctxt_switches:")) {
                        return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                    }
                }
            } catch (Exception e) {
                // the backend ended
            }
            return 0;
        }

        /** Backends' CPU since {@code before}: pids in both (a backend that came or went is counted from 0). */
        long backendNs(Snapshot before) {
            long ticks = 0;
            for (Map.Entry<Integer, Long> e : backends.entrySet()) {
                long now = e.getValue();
                long then = before.backends.getOrDefault(e.getKey(), 0L);
                ticks += Math.max(0, now - then);
            }
            return ticks * TICK_NS;
        }

        private static long cpuTicks(int pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (Exception e) {
                return 0;
            }
        }
    }
}
