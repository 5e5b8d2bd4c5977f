package dev.forumkit.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.forumkit.persistence.jdbi.ConnectionPools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code compact} gives back the space that the server's REUSE_SPACE=FALSE leaves behind, and keeps every row. */
class CompactCommandTest {
    private static Settings settings(Path dir, String jdbcUrl) {
        Properties p = new Properties();
        p.setProperty("forumkit.data.dir", dir.toString());
        if (jdbcUrl != null) {
            p.setProperty("forumkit.jdbc.url", jdbcUrl);
        }
        return Settings.load(p, Map.of());
    }

    @Test
    void shrinks_the_file_of_a_server_that_wrote_and_keeps_every_row(@TempDir Path dir) throws Exception {
        Settings settings = settings(dir, null);
        assertThat(GenerateCommand.run(List.of("--posts", "100", "--threads", "10", "--members", "10", "--reactions", "20"),
                settings, new PrintStream(new ByteArrayOutputStream()))).isZero();
        long views;
        try (HikariDataSource pool = ConnectionPools.embeddedH2(dir); Connection c = pool.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement("UPDATE threads SET view_count = view_count + 1 WHERE id = ?")) {
                for (int i = 0; i < 600; i++) { // one commit each, as the server writes
                    s.setLong(1, 1 + i % 10);
                    s.executeUpdate();
                }
            }
            views = sumViews(c);
        }
        Path file = dir.resolve("forum.mv.db");
        long grown = Files.size(file);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(CompactCommand.run(List.of(), settings, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("compact:").contains("bytes");
        assertThat(Files.size(file)).as("file size after compact, was %d", grown).isLessThan(grown / 2);
        try (HikariDataSource pool = ConnectionPools.embeddedH2(dir); Connection c = pool.getConnection()) {
            assertThat(sumViews(c)).isEqualTo(views);
        }
        assertThat(RecountCommand.run(List.of(), settings, new PrintStream(new ByteArrayOutputStream()))).isZero();
    }

    @Test
    void refuses_postgresql_and_a_missing_database(@TempDir Path dir) {
        assertThat(CompactCommand.run(List.of(), settings(dir, "jdbc:postgresql://127.0.0.1:1/x"), System.out)).isEqualTo(2);
        assertThat(CompactCommand.run(List.of(), settings(dir, null), System.out)).isEqualTo(1);
        assertThat(CompactCommand.run(List.of("--now"), settings(dir, null), System.out)).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("forum.mv.db"))).as("no database created by a refused compact").isFalse();
    }

    private static long sumViews(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SUM(view_count) FROM threads")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
