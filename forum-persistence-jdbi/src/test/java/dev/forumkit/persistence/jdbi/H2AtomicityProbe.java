package dev.forumkit.persistence.jdbi;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Does H2 keep a multi-statement transaction whole through kill -9? Plain JDBC, no forumkit code: a child JVM runs
 * {@code threads} writers, each committing "insert a post, add 1 to its author's counter, add 1 to the total" in
 * a loop; it is killed with SIGKILL after 0.1-0.7 s, and the reopened file must have counters equal to the rows. Run
 * by hand (not part of the build), e.g. after an H2 upgrade, to see whether the write gate of JdbiTransactions is still
 * needed:
 * <pre>
 * java -cp target/test-classes:$(cat target/cp.txt) dev.forumkit.persistence.jdbi.H2AtomicityProbe /tmp/probe 40 8 [serial]
 * </pre>
 * H2 2.5.252, URL settings of ConnectionPools: 8 concurrent writers broke the invariant in 3 of 40 cycles (a counter
 * short of its rows, or a row short of its counter, and a row that could never be updated again); the same writers
 * taking turns ({@code serial}) in none of 40.
 */
public final class H2AtomicityProbe {
    private static final ReentrantLock TURN = new ReentrantLock();

    private H2AtomicityProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            child(args[1], Integer.parseInt(args[2]), Boolean.parseBoolean(args[3]));
            return;
        }
        Path dir = Path.of(args[0]);
        int cycles = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        boolean serial = args.length > 3 && args[3].equals("serial");
        Random random = new Random();
        int broken = 0;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            Path db = Files.createDirectories(dir.resolve("db" + broken));
            String url = ConnectionPools.embeddedH2Url(db);
            create(url, threads);
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), H2AtomicityProbe.class.getName(), "child", url,
                    String.valueOf(threads), String.valueOf(serial)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            if (!"READY".equals(in.readLine())) {
                throw new IllegalStateException("the child did not start");
            }
            Thread.sleep(100 + random.nextInt(600));
            p.destroyForcibly();
            p.waitFor();
            String found = check(url);
            System.out.println("cycle " + cycle + ": " + found);
            if (found.contains("BROKEN")) {
                broken++; // keep the broken file; the next cycles start a new one
            }
        }
        System.out.printf("%d of %d cycles broke the invariant (%d writers%s); files in %s%n", broken, cycles, threads,
                serial ? ", taking turns" : "", dir);
    }

    private static void create(String url, int threads) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS posts(id BIGINT AUTO_INCREMENT PRIMARY KEY, author INT NOT NULL, body VARCHAR(2000))");
            s.execute("CREATE INDEX IF NOT EXISTS posts_author ON posts(author)");
            s.execute("CREATE TABLE IF NOT EXISTS members(id INT PRIMARY KEY, n BIGINT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS totals(id INT PRIMARY KEY, n BIGINT NOT NULL)");
            s.execute("MERGE INTO totals VALUES (1, 0)");
            for (int i = 0; i < threads; i++) {
                s.execute("MERGE INTO members VALUES (" + i + ", 0)");
            }
        }
    }

    private static String check(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            StringBuilder diff = new StringBuilder();
            long rows = 0;
            try (ResultSet rs = s.executeQuery("SELECT m.id, m.n, (SELECT COUNT(*) FROM posts p WHERE p.author = m.id) FROM members m ORDER BY m.id")) {
                while (rs.next()) {
                    rows += rs.getLong(3);
                    if (rs.getLong(2) != rs.getLong(3)) {
                        diff.append(" member ").append(rs.getInt(1)).append(": counter ").append(rs.getLong(2)).append(", rows ").append(rs.getLong(3));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT n FROM totals WHERE id = 1")) {
                rs.next();
                if (rs.getLong(1) != rows) {
                    diff.append(" total: counter ").append(rs.getLong(1)).append(", rows ").append(rows);
                }
            }
            return rows + " posts" + (diff.length() == 0 ? ", counters right" : ", BROKEN:" + diff);
        }
    }

    private static void child(String url, int threads, boolean serial) throws Exception {
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int me = t;
            new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.setAutoCommit(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    PreparedStatement post = c.prepareStatement("INSERT INTO posts(author, body) VALUES (?, ?)");
                    PreparedStatement member = c.prepareStatement("UPDATE members SET n = n + 1 WHERE id = ?");
                    PreparedStatement total = c.prepareStatement("UPDATE totals SET n = n + 1 WHERE id = 1");
                    String body = "x".repeat(200 + me * 50);
                    ready.countDown();
                    while (true) {
                        if (serial) {
                            TURN.lock();
                        }
                        try {
                            post.setInt(1, me);
                            post.setString(2, body);
                            post.executeUpdate();
                            member.setInt(1, me);
                            member.executeUpdate();
                            total.executeUpdate();
                            c.commit();
                        } catch (SQLException e) {
                            c.rollback();
                        } finally {
                            if (serial) {
                                TURN.unlock();
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).start();
        }
        ready.await();
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
