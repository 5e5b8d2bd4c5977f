package dev.forumkit.persistence.jdbi.bench;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariDataSource;
import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.persistence.jdbi.ConnectionPools;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import dev.forumkit.testkit.ForumFixture;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What one durable reply costs on an H2 file, and how that changes as the file ages (issue 18): one writer replies
 * through {@code Forum} with the production settings, so every reply is one durable commit of its own, and after
 * each batch the driver prints the process CPU, the bytes the process wrote (/proc/self/io) and H2's own counters
 * (chunks, fill rates, file size, chunk writes) per reply. CPU, not wall time: the machine is shared.
 *
 * <p>Arguments: data dir (an existing forum, e.g. a copy of a generated one, or one {@code StorageBenchmark
 * --load-only} made), batches, replies per batch, [warm-up replies, default 300], [the member id each reply
 * mentions, default the first member, as bench/reply.lua does].
 * The figures and the command are in docs/performance.md ("Replies on an aged H2 file").
 */
public final class H2ReplyCost {
    private H2ReplyCost() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int batches = Integer.parseInt(args[1]);
        int perBatch = Integer.parseInt(args[2]);
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        // experiment: every N replies, H2's own compaction of sparse chunks (MVStore.compact(fill %, bytes))
        int compactEvery = Integer.getInteger("compact.every", 0);
        int compactFill = Integer.getInteger("compact.fill", 90);
        int compactBytes = Integer.getInteger("compact.bytes", 1 << 20);
        HikariDataSource pool = ConnectionPools.embeddedH2(dir);
        try (JdbiForumStorage storage = JdbiForumStorage.owning(pool);
             Forum forum = Forum.create(storage, c -> c.passwordHasher(ForumFixture.fastHasher())
                     .viewFlushInterval(Duration.ZERO))) {
            List<MemberId> members = ids(pool, "SELECT id FROM members ORDER BY id LIMIT 16",
                    MemberId::new);
            List<ThreadId> threads = ids(pool, "SELECT id FROM threads WHERE deleted_at IS NULL AND locked = FALSE"
                    + " ORDER BY id LIMIT 40000", ThreadId::new);
            String mentioned = username(pool, args.length > 4 ? Long.parseLong(args[4]) : 0);
            Random random = new Random(5);
            System.out.printf("%s: %,d MB, %d members, %,d threads%n", dir, Files.size(dir.resolve("forum.mv.db")) >> 20,
                    members.size(), threads.size());
            for (int i = 0; i < warmUp; i++) {
                reply(forum, members, threads, random, body("warm-up " + i, mentioned));
            }
            System.out.println("replies | CPU ms/reply | written KB/reply (proc) | H2 KB/reply | chunks written/reply"
                    + " | store versions/reply | chunks | fill % | chunks fill % | file MB | reads/reply | cache hit % | refused");
            Sample last = Sample.take(pool);
            int done = 0;
            for (int b = 0; b < batches; b++) {
                int refused = 0;
                for (int i = 0; i < perBatch; i++) {
                    if (compactEvery > 0 && (done + i) % compactEvery == 0) {
                        compact(pool, compactFill, compactBytes);
                    }
                    if (!reply(forum, members, threads, random, body(b + "." + i, mentioned))) {
                        refused++;
                    }
                }
                done += perBatch;
                Sample now = Sample.take(pool);
                double n = perBatch;
                System.out.printf("%,d | %.3f | %.1f | %.1f | %.2f | %.2f | %,d | %s | %s | %,d | %.2f | %s | %d%n", done,
                        (now.cpuNanos - last.cpuNanos) / 1e6 / n, (now.writeBytes - last.writeBytes) / 1024.0 / n,
                        (now.h2("FILE_WRITE_BYTES") - last.h2("FILE_WRITE_BYTES")) / 1024.0 / n,
                        (now.h2("FILE_WRITE") - last.h2("FILE_WRITE")) / n,
                        (now.h2("CURRENT_VERSION") - last.h2("CURRENT_VERSION")) / n, now.h2("CHUNK_COUNT"),
                        now.info.get("FILL_RATE"), now.info.get("CHUNKS_FILL_RATE"), now.h2("FILE_SIZE") >> 20,
                        (now.h2("FILE_READ") - last.h2("FILE_READ")) / n, now.info.get("CACHE_HIT_RATIO"), refused);
                last = now;
            }
        }
    }

    private static void compact(HikariDataSource pool, int fill, int bytes) throws SQLException {
        try (Connection c = pool.getConnection()) {
            org.h2.mvstore.MVStore store = ((org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class)
                    .getSession()).getDatabase().getStore().getMvStore();
            // with REUSE_SPACE=FALSE H2 offers no chunk to rewrite (RandomAccessStore.getRewriteCandidates is empty);
            // the pages are only marked here, and the commit after writes them with reuse off again: at the file's end
            store.setReuseSpace(Boolean.getBoolean("compact.reuse"));
            boolean rewrote;
            try {
                rewrote = store.compact(fill, bytes);
            } finally {
                store.setReuseSpace(false);
            }
            if (rewrote) {
                store.commit();
            }
        }
    }

    private static boolean reply(Forum forum, List<MemberId> members, List<ThreadId> threads, Random random, String body) {
        try {
            forum.posts().reply(Actor.member(members.get(random.nextInt(members.size()))),
                    threads.get(random.nextInt(threads.size())), body);
            return true;
        } catch (dev.forumkit.core.ForumException e) {
            return false; // a thread the member may not reply to, a spam check: counted as refused
        }
    }

    /** The body bench/reply.lua posts: one mention (of the first member, as there), some markup. */
    private static String body(String n, String mentioned) {
        return "Benchmark reply " + n + ": agreed, @" + mentioned + ", the **new** tyres roll better.";
    }

    /** The username of member {@code id}, or of the first member for 0. */
    private static String username(HikariDataSource pool, long id) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(id == 0 ? "SELECT username FROM members ORDER BY id LIMIT 1"
                     : "SELECT username FROM members WHERE id = " + id)) {
            r.next();
            return r.getString(1);
        }
    }

    private static <T> List<T> ids(HikariDataSource pool, String sql, java.util.function.LongFunction<T> id)
            throws SQLException {
        List<T> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(id.apply(r.getLong(1)));
            }
        }
        return out;
    }

    /** The process's CPU and written bytes, and H2's info settings, at one moment. */
    private record Sample(long cpuNanos, long writeBytes, Map<String, String> info) {
        static Sample take(HikariDataSource pool) throws SQLException, IOException {
            Map<String, String> info = new HashMap<>();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME LIKE 'info.%'")) {
                while (r.next()) {
                    info.put(r.getString(1).substring("info.".length()), r.getString(2));
                }
            }
            long written = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("write_bytes:")) {
                    written = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            long cpu = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            return new Sample(cpu, written, info);
        }

        long h2(String key) {
            return Long.parseLong(info.get(key));
        }
    }
}
