package dev.forumkit.persistence.jdbi.bench;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.persistence.jdbi.ConnectionPools;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.Page;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.table.Table;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What a guest thread page's cold reads cost on an H2 file (issue 18, task h2cold), in one JVM: the page's four reads
 * (thread with board and category, the page's 20 posts, authors with profiles, reaction counts) through the storage
 * ports, in one read-only transaction, page 1 of random threads, on one or two copies of a data set made by
 * bench/run.sh (each its own H2 database with the production URL, so its own 16 MB page cache). Per page: the calling
 * thread's CPU and allocation ({@code com.sun.management.ThreadMXBean}) and the pages H2 read from the file (count and
 * bytes, from its {@code FileStore}), in total and per read. Rounds alternate the databases (order swapped every round);
 * both see the same threads in a round.
 *
 * <p>Arguments: DIR[:drop=INDEX][:threads=N] ... then rounds, pages per round, warm-up pages. {@code :drop=INDEX} drops
 * that index after the storage is opened (and migrated), to compare a file without it; {@code :threads=N} asks for
 * threads 1..N only (200: a set H2's cache holds, the "popular threads" row). The same directory may be given twice
 * (one H2 database, one cache). {@code -Dcpc.layout=true} prints, for the
 * maps a page reads, the keys and bytes of their leaf pages (sampled: 200 random descents).
 */
public final class ColdPageCost {
    private static final int THREADS = Integer.getInteger("cpc.threads", 40_000);
    private static final String[] READS = {"thread+place", "posts", "authors", "reactions"};

    private ColdPageCost() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length - 3;
        int rounds = Integer.parseInt(args[n]);
        int perRound = Integer.parseInt(args[n + 1]);
        int warmUp = Integer.parseInt(args[n + 2]);
        List<Db> dbs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] parts = args[i].split(":");
            long start = System.nanoTime();
            Db db = new Db(Path.of(parts[0]));
            System.out.printf("%s opened (and migrated) in %.1f s%n", parts[0], (System.nanoTime() - start) / 1e9);
            for (int k = 1; k < parts.length; k++) {
                String[] option = parts[k].split("=", 2);
                if (option[0].equals("drop")) {
                    try (Statement s = db.raw.createStatement()) {
                        s.execute("DROP INDEX IF EXISTS " + option[1]);
                    }
                    System.out.println("  dropped " + option[1]);
                } else if (option[0].equals("posts")) {
                    db.postsTable = option[1];
                    db.label = db.label + " (posts from " + option[1] + ", plain JDBC)";
                } else if (option[0].equals("threads")) {
                    db.threadRange = Integer.parseInt(option[1]);
                    db.label = db.dir + " (" + db.threadRange + " threads)";
                } else {
                    throw new IllegalArgumentException("unknown option " + parts[k]);
                }
            }
            db.explain();
            if (Boolean.getBoolean("cpc.layout")) {
                db.layout();
            }
            dbs.add(db);
        }
        if (Integer.getInteger("cpc.replies", 0) > 0) {
            replies(dbs, rounds, Integer.getInteger("cpc.replies"), warmUp);
            return;
        }
        for (Db db : dbs) {
            db.run(new Random(1), warmUp, null);
        }
        double[][] cpu = new double[dbs.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < dbs.size(); k++) {
                int i = r % 2 == 0 ? k : dbs.size() - 1 - k;
                Stats st = new Stats();
                dbs.get(i).run(new Random(100 + r), perRound, st);
                cpu[i][r] = st.cpuNs / 1e3 / perRound;
                System.out.printf("round %2d %-40s %s%n", r, dbs.get(i).label, st.line(perRound));
            }
        }
        for (int i = 0; i < dbs.size(); i++) {
            double[] s = cpu[i].clone();
            Arrays.sort(s);
            System.out.printf("%-40s median %.1f µs/page, range %.1f-%.1f%n", dbs.get(i).label, s[s.length / 2], s[0], s[s.length - 1]);
        }
        for (Db db : dbs) {
            db.close();
        }
    }

    /**
     * {@code -Dcpc.replies=N}: instead of pages, N posts per round added to random threads, each INSERT a durable
     * commit of its own (the production URL, WRITE_DELAY=0) on the raw connection: what the posts table and its
     * indexes cost a reply (the rest of a reply, the same with and without an index, is left out). Per post: the
     * thread's CPU, H2's file reads and bytes written.
     */
    static void replies(List<Db> dbs, int rounds, int perRound, int warmUp) throws Exception {
        for (Db db : dbs) {
            db.insert(new Random(1), warmUp, null);
        }
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < dbs.size(); k++) {
                int i = r % 2 == 0 ? k : dbs.size() - 1 - k;
                long[] out = new long[4];
                dbs.get(i).insert(new Random(100 + r), perRound, out);
                System.out.printf("round %2d %-40s insert: %7.1f µs CPU/post | file reads %5.2f/post %6.1f KB/post | written %6.1f KB/post%n",
                        r, dbs.get(i).dir, out[0] / 1e3 / perRound, out[1] / (double) perRound, out[2] / 1024.0 / perRound,
                        out[3] / 1024.0 / perRound);
            }
        }
    }

    static final class Stats {
        long cpuNs;
        long allocated;
        final long[] reads = new long[READS.length];
        final long[] bytes = new long[READS.length];

        String line(int pages) {
            long r = Arrays.stream(reads).sum();
            long b = Arrays.stream(bytes).sum();
            StringBuilder s = new StringBuilder(String.format("%7.1f µs CPU/page %6.1f KB alloc/page | file reads %5.2f/page %6.1f KB/page |",
                    cpuNs / 1e3 / pages, allocated / 1024.0 / pages, r / (double) pages, b / 1024.0 / pages));
            for (int i = 0; i < READS.length; i++) {
                s.append(String.format(" %s %.2f (%.1f KB)", READS[i], reads[i] / (double) pages, bytes[i] / 1024.0 / pages));
            }
            return s.toString();
        }
    }

    static final class Db implements AutoCloseable {
        final Path dir;
        int threadRange = THREADS;
        String postsTable;
        String label;
        final JdbiForumStorage storage;
        final Connection raw;
        final Database database;
        final FileStore<?> file;
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        Db(Path dir) throws Exception {
            this.dir = dir;
            this.label = dir.toString();
            this.storage = JdbiForumStorage.embeddedH2(dir);
            this.raw = DriverManager.getConnection(ConnectionPools.embeddedH2Url(dir), "sa", "");
            this.database = ((SessionLocal) raw.unwrap(JdbcConnection.class).getSession()).getDatabase();
            this.file = database.getStore().getMvStore().getFileStore();
        }

        void run(Random random, int pages, Stats st) {
            ForumStorage s = storage;
            long cpu0 = threads.getCurrentThreadCpuTime();
            long alloc0 = threads.getCurrentThreadAllocatedBytes();
            for (int p = 0; p < pages; p++) {
                ThreadId id = ThreadId.of(1 + random.nextInt(threadRange));
                s.transactions().readOnly(() -> {
                    long r0 = file.getReadCount();
                    long b0 = file.getReadBytes();
                    var place = s.threads().byIdWithPlace(id).orElseThrow();
                    long r1 = file.getReadCount();
                    long b1 = file.getReadBytes();
                    Set<MemberId> authors = new HashSet<>();
                    authors.add(place.thread().starterId());
                    List<PostId> ids = new ArrayList<>();
                    if (postsTable == null) {
                        List<Post> posts = s.posts().byNumberRange(id, 1, 20, false);
                        posts.forEach(x -> authors.add(x.authorId()));
                        posts.forEach(x -> ids.add(x.id()));
                    } else {
                        plainPosts(id.value(), authors, ids);
                    }
                    long r2 = file.getReadCount();
                    long b2 = file.getReadBytes();
                    s.profiles().withMembers(authors);
                    long r3 = file.getReadCount();
                    long b3 = file.getReadBytes();
                    if (!ids.isEmpty()) {
                        s.reactions().countsByPost(ids);
                    }
                    long r4 = file.getReadCount();
                    long b4 = file.getReadBytes();
                    if (st != null) {
                        long[] r = {r0, r1, r2, r3, r4};
                        long[] b = {b0, b1, b2, b3, b4};
                        for (int i = 0; i < READS.length; i++) {
                            st.reads[i] += r[i + 1] - r[i];
                            st.bytes[i] += b[i + 1] - b[i];
                        }
                    }
                    return null;
                });
            }
            if (st != null) {
                st.cpuNs = threads.getCurrentThreadCpuTime() - cpu0;
                st.allocated = threads.getCurrentThreadAllocatedBytes() - alloc0;
            }
        }

        /**
         * {@code :posts=TABLE}: the page's posts read with plain JDBC from {@code posts} (by thread and number) or from
         * a copy keyed by thread ({@code post_pages}: {@code k = thread_id * 2^24 + number}, the BIGINT row key), to
         * compare the two layouts' reads; not through Jdbi, so compare it with {@code :posts=posts}, not the ports.
         */
        private void plainPosts(long thread, Set<MemberId> authors, List<PostId> ids) {
            boolean keyed = !postsTable.equalsIgnoreCase("posts");
            String sql = "SELECT id, thread_id, number, author_id, body, created_at, edited_at, edited_by, edit_count,"
                    + " deleted_by, deleted_at, deletion_reason, html, render_version FROM " + postsTable + " WHERE "
                    + (keyed ? "k BETWEEN ? AND ?" : "thread_id = ? AND number BETWEEN ? AND ?")
                    + " AND deleted_at IS NULL ORDER BY number";
            try (var q = raw.prepareStatement(sql)) {
                if (keyed) {
                    q.setLong(1, thread * 16_777_216L + 1);
                    q.setLong(2, thread * 16_777_216L + 20);
                } else {
                    q.setLong(1, thread);
                    q.setInt(2, 1);
                    q.setInt(3, 20);
                }
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        ids.add(PostId.of(rs.getLong(1)));
                        authors.add(MemberId.of(rs.getLong(4)));
                        for (int c = 5; c <= 14; c++) {
                            rs.getObject(c);
                        }
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void insert(Random random, int posts, long[] out) throws Exception {
            String body = "A reply of a few lines, as bench/reply.lua sends, with a mention of @member1 and a counter ";
            long cpu0 = threads.getCurrentThreadCpuTime();
            long r0 = file.getReadCount();
            long b0 = file.getReadBytes();
            long w0 = writeBytes();
            try (var next = raw.prepareStatement("SELECT MAX(number) FROM posts WHERE thread_id = ?");
                 var insert = raw.prepareStatement("INSERT INTO posts (thread_id, number, author_id, body, created_at, html,"
                         + " render_version) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, ?, 'bench')")) {
                for (int p = 0; p < posts; p++) {
                    long thread = 2 + random.nextInt(THREADS - 1);
                    next.setLong(1, thread);
                    int number;
                    try (var rs = next.executeQuery()) {
                        rs.next();
                        number = rs.getInt(1) + 1;
                    }
                    insert.setLong(1, thread);
                    insert.setInt(2, number);
                    insert.setLong(3, 1 + random.nextInt(20_000));
                    insert.setString(4, body + p);
                    insert.setString(5, "<p>" + body + p + "</p>");
                    insert.executeUpdate();
                }
            }
            if (out != null) {
                out[0] = threads.getCurrentThreadCpuTime() - cpu0;
                out[1] = file.getReadCount() - r0;
                out[2] = file.getReadBytes() - b0;
                out[3] = writeBytes() - w0;
            }
        }

        private long writeBytes() throws Exception {
            try (Statement s = raw.createStatement();
                 var rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.FILE_WRITE_BYTES'")) {
                rs.next();
                return Long.parseLong(rs.getString(1));
            }
        }

        void explain() throws Exception {
            try (Statement s = raw.createStatement();
                 var rs = s.executeQuery("EXPLAIN SELECT id, thread_id, number, author_id, body, created_at, edited_at,"
                         + " edited_by, edit_count, deleted_by, deleted_at, deletion_reason, html, render_version FROM posts"
                         + " WHERE thread_id = 7 AND number BETWEEN 1 AND 20 AND deleted_at IS NULL ORDER BY number")) {
                rs.next();
                System.out.println("  " + rs.getString(1).replace('\n', ' '));
            }
            try (Statement s = raw.createStatement();
                 var rs = s.executeQuery("SELECT DISK_SPACE_USED('POSTS'), DISK_SPACE_USED('REACTIONS'), DISK_SPACE_USED('MEMBERS')")) {
                rs.next();
                System.out.printf("  disk space used: posts %,d MB (with its indexes), reactions %,d MB, members %,d MB; file %,d MB%n",
                        rs.getLong(1) >> 20, rs.getLong(2) >> 20, rs.getLong(3) >> 20, file.size() >> 20);
            }
        }

        /** Keys and bytes of the leaves of the maps a page reads, by 200 random descents from each map's root. */
        void layout() {
            SessionLocal session = database.getSystemSession();
            for (String name : List.of("THREADS", "POSTS", "MEMBERS", "PROFILES", "REACTIONS")) {
                Table t = database.getSchema("PUBLIC").findTableOrView(session, name);
                for (Index index : t.getIndexes()) {
                    MVMap<?, ?> map = index instanceof MVPrimaryIndex pi ? pi.getMVMap()
                            : index instanceof MVSecondaryIndex si ? si.getMVMap() : null;
                    if (map == null) {
                        continue;
                    }
                    Random random = new Random(3);
                    long keys = 0;
                    long memory = 0;
                    int depth = 0;
                    int samples = 200;
                    for (int i = 0; i < samples; i++) {
                        Page<?, ?> p = map.getRootPage();
                        int d = 0;
                        while (!p.isLeaf()) {
                            p = p.getChildPage(random.nextInt(p.getRawChildPageCount()));
                            d++;
                        }
                        keys += p.getKeyCount();
                        memory += p.getMemory();
                        depth = d;
                    }
                    System.out.printf("  %-10s %-36s %,10d rows, depth %d, leaf: %.1f keys, %.1f KB in memory%n", name,
                            index.getName(), map.sizeAsLong(), depth, keys / (double) samples, memory / 1024.0 / samples);
                }
            }
        }

        @Override
        public void close() throws Exception {
            raw.close();
            storage.close();
        }
    }
}
