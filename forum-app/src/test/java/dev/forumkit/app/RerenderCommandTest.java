package dev.forumkit.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.forumkit.core.Forum;
import dev.forumkit.core.rerender.RerenderBatch;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.markup.ForumMarkupRenderer;
import dev.forumkit.persistence.jdbi.ConnectionPools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rerender} rebuilds the HTML of posts stored by another renderer version, with a progress bar, and a run that
 * was killed after a batch goes on with what is left.
 */
class RerenderCommandTest {
    private static Settings settings(Path dir) {
        Properties p = new Properties();
        p.setProperty("forumkit.data.dir", dir.toString());
        return Settings.load(p, Map.of());
    }

    @Test
    void rebuilds_the_posts_of_an_older_renderer_and_a_killed_run_goes_on_where_it_stopped(@TempDir Path dir) throws Exception {
        Settings settings = settings(dir);
        assertThat(GenerateCommand.run(List.of("--posts", "100", "--threads", "10", "--members", "10", "--reactions", "20"),
                settings, new PrintStream(new ByteArrayOutputStream()))).isZero();
        Map<Long, String> original = new LinkedHashMap<>();
        try (HikariDataSource pool = ConnectionPools.embeddedH2(dir); Connection c = pool.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, html FROM posts ORDER BY id LIMIT 70")) {
                while (rs.next()) {
                    original.put(rs.getLong(1), rs.getString(2));
                }
            }
            // 60 posts rendered by an older renderer, 10 stored before posts kept their rendering
            try (PreparedStatement s = c.prepareStatement("UPDATE posts SET html = ?, render_version = ? WHERE id = ?")) {
                int i = 0;
                for (long id : original.keySet()) {
                    s.setString(1, i < 60 ? "<p>rendered by the old rules</p>" : null);
                    s.setString(2, i < 60 ? "forum-markup/0" : null);
                    s.setLong(3, id);
                    s.executeUpdate();
                    i++;
                }
            }
        }
        assertThat(original.values()).allMatch(html -> html != null && !html.isBlank());

        // a run killed after its first batch of 25 had committed
        try (ForumStorage storage = Storages.open(settings);
             Forum forum = Forum.create(storage, c -> c.markupRenderer(ForumMarkupRenderer.create()))) {
            RerenderBatch first = forum.rerendering().rerenderNextAsSystem(null, 25);
            assertThat(first.rerendered()).isEqualTo(25);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(RerenderCommand.run(List.of("--batch", "20"), settings, new PrintStream(out, true, StandardCharsets.UTF_8), true))
                .isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("\rposts [").contains("100.0%").contains("45/45")
                .contains("rerender: 45 posts rerendered to " + ForumMarkupRenderer.VERSION);
        try (HikariDataSource pool = ConnectionPools.embeddedH2(dir); Connection c = pool.getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM posts WHERE render_version IS NULL OR render_version <> '"
                    + ForumMarkupRenderer.VERSION + "'")).isZero();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, html FROM posts ORDER BY id LIMIT 70")) {
                while (rs.next()) { // the generator joins renderings of blocks, so line breaks between them may differ
                    assertThat(blocks(rs.getString(2))).as("post %d rendered again as before", rs.getLong(1))
                            .isEqualTo(blocks(original.get(rs.getLong(1))));
                }
            }
        }

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(RerenderCommand.run(List.of(), settings, new PrintStream(again, true, StandardCharsets.UTF_8))).isZero();
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("rerender: 0 posts rerendered");
        assertThat(RecountCommand.run(List.of(), settings, new PrintStream(new ByteArrayOutputStream()))).isZero();
    }

    @Test
    void refuses_bad_options(@TempDir Path dir) {
        Settings settings = settings(dir);
        assertThat(RerenderCommand.run(List.of("--batch"), settings, System.out)).isEqualTo(2);
        assertThat(RerenderCommand.run(List.of("--batch", "0"), settings, System.out)).isEqualTo(2);
        assertThat(RerenderCommand.run(List.of("--batch", "many"), settings, System.out)).isEqualTo(2);
        assertThat(RerenderCommand.run(List.of("--now"), settings, System.out)).isEqualTo(2);
    }

    private static String blocks(String html) {
        return html.replaceAll(">\\s+<", "><");
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
