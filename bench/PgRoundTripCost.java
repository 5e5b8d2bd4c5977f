import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The hold rules' three reads on PostgreSQL, sent one by one (three round trips) or together (one), in one JVM on one
 * connection (issue 18, task pgreply2): per read set, this thread's CPU (ThreadMXBean) and the backend's CPU
 * (/proc/PID/stat of the connection's backend, 10 ms ticks, so thousands per round), A and B interleaved, order
 * swapped every round. The SQL is the adapter's (JdbiPosts, JdbiHeldPosts), autocommit, the author given.
 * <pre>
 *   java -cp forumkit.jar bench/PgRoundTripCost.java JDBC_URL AUTHOR_ID [per round 5000] [rounds 8]
 * </pre>
 */
public final class PgRoundTripCost {
    static final String MODERATED = "SELECT board_id FROM moderated_boards";
    static final String RECENT = "SELECT p.id, p.thread_id, p.number, p.author_id, p.body, p.created_at, p.edited_at,"
            + " p.edited_by, p.edit_count, p.deleted_by, p.deleted_at, p.deletion_reason, p.html, p.render_version"
            + " FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.author_id = ? AND p.deleted_at IS NULL"
            + " AND t.deleted_at IS NULL ORDER BY p.author_id, p.created_at DESC, p.id DESC LIMIT ?";
    static final String HELD = "SELECT id, board_id, thread_id, title, author_id, body, held_at, reasons, status,"
            + " decided_by, decided_at, rejection, post_id FROM held_posts WHERE author_id = ?"
            + " ORDER BY author_id, held_at DESC, id DESC LIMIT ?";
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        long author = Long.parseLong(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        try (Connection c = DriverManager.getConnection(args[0])) {
            int pid;
            try (ResultSet r = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
                r.next();
                pid = r.getInt(1);
            }
            for (int i = 0; i < 2000; i++) {
                apart(c, author);
                together(c, author);
            }
            System.out.println("round | apart: client us | apart: backend us | together: client us | together: backend us | load");
            double[] sum = new double[4];
            for (int round = 0; round < rounds; round++) {
                double[] r = new double[4];
                for (int k = 0; k < 2; k++) {
                    boolean first = (round + k) % 2 == 0;
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long b0 = ticks(pid);
                    for (int i = 0; i < n; i++) {
                        if (first) {
                            apart(c, author);
                        } else {
                            together(c, author);
                        }
                    }
                    int at = first ? 0 : 2;
                    r[at] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e3 / n;
                    r[at + 1] = (ticks(pid) - b0) * 10_000.0 / n;
                }
                for (int i = 0; i < 4; i++) {
                    sum[i] += r[i];
                }
                System.out.printf("%d | %.1f | %.1f | %.1f | %.1f | %s%n", round, r[0], r[1], r[2], r[3],
                        Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
            }
            System.out.printf("mean | %.1f | %.1f | %.1f | %.1f%n", sum[0] / rounds, sum[1] / rounds, sum[2] / rounds,
                    sum[3] / rounds);
        }
    }

    static int apart(Connection c, long author) throws Exception {
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement(MODERATED); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows++;
            }
        }
        for (String sql : new String[]{RECENT, HELD}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, author);
                ps.setInt(2, 20);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    static int together(Connection c, long author) throws Exception {
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement(MODERATED + ";\n" + RECENT + ";\n" + HELD)) {
            ps.setLong(1, author);
            ps.setInt(2, 20);
            ps.setLong(3, author);
            ps.setInt(4, 20);
            ps.execute();
            for (int k = 0; k < 3; k++) {
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                ps.getMoreResults();
            }
        }
        return rows;
    }

    static long ticks(int pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
