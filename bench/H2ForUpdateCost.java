// What a `SELECT ... FOR UPDATE` of the thread row costs on H2 against a plain select (H2 never caches a FOR UPDATE
// command, so it parses it on every call); each call is followed by an update of the same row, as a reply does, and a
// commit every 20 calls, on an H2 file with the production flags. Thread CPU time per call, rounds interleaved.
// Run: javac -d /tmp/h2fu -cp $H2 bench/H2ForUpdateCost.java && java -cp $H2:/tmp/h2fu H2ForUpdateCost /tmp/h2fu/db
// ($H2: the h2 jar of the build, e.g. ~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar). docs/performance.md.
import java.lang.management.*; import java.sql.*;
public class H2ForUpdateCost {
  public static void main(String[] a) throws Exception {
    String url = "jdbc:h2:file:" + a[0] + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64;REUSE_SPACE=FALSE";
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.createStatement().execute("DROP TABLE IF EXISTS threads");
      c.createStatement().execute("CREATE TABLE threads (id BIGINT PRIMARY KEY, board_id BIGINT NOT NULL, title VARCHAR, slug VARCHAR, starter_id BIGINT, created_at TIMESTAMP(6) WITH TIME ZONE, pinned BOOLEAN, locked BOOLEAN, deleted_at TIMESTAMP(6) WITH TIME ZONE, deleted_by BIGINT, reply_count INTEGER, view_count BIGINT, last_post_id BIGINT, last_post_at TIMESTAMP(6) WITH TIME ZONE, last_poster_id BIGINT, next_number INTEGER, activity_at TIMESTAMP(6) WITH TIME ZONE)");
      PreparedStatement ins = c.prepareStatement("INSERT INTO threads VALUES (?, 1, 'title', 'slug', 1, CURRENT_TIMESTAMP, false, false, NULL, NULL, 0, 0, NULL, NULL, NULL, 1, CURRENT_TIMESTAMP)");
      for (int i = 1; i <= 4000; i++) { ins.setLong(1, i); ins.addBatch(); } ins.executeBatch();
      String cols = "id, board_id, title, slug, starter_id, created_at, pinned, locked, deleted_at, deleted_by, reply_count, view_count, last_post_id, last_post_at, last_poster_id, next_number, activity_at";
      String plain = "SELECT " + cols + " FROM threads WHERE id = ?";
      c.setAutoCommit(false);
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      java.util.Random r = new java.util.Random(1);
      for (int round = 0; round < 8; round++) {
        for (String sql : new String[] {plain, plain + " FOR UPDATE"}) {
          int n = 20000; long t0 = mx.getCurrentThreadCpuTime();
          for (int i = 0; i < n; i++) {
            long id = 1 + r.nextInt(4000); try (PreparedStatement ps = c.prepareStatement(sql)) { ps.setLong(1, id); try (ResultSet rs = ps.executeQuery()) { while (rs.next()) rs.getLong(1); } }
            try (PreparedStatement up = c.prepareStatement("UPDATE threads SET view_count = view_count + 1 WHERE id = ?")) { up.setLong(1, id); up.executeUpdate(); }
            if (i % 20 == 19) c.commit();
          }
          c.commit();
          if (round >= 3) System.out.printf("round %d %-10s %.1f us CPU per call%n", round, sql.endsWith("UPDATE") ? "FOR UPDATE" : "plain", (mx.getCurrentThreadCpuTime() - t0) / 1000.0 / n);
        }
      }
    }
  }
}
