package dev.forumkit.app;

import dev.forumkit.persistence.jdbi.ForumSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code jdbc.schema}: the forum's tables in a schema of their own, for every command that opens the storage. */
class JdbcSchemaSettingTest {
    private static Settings load(Path dir, String schema) {
        Properties p = new Properties();
        p.setProperty("forumkit.data.dir", dir.toString());
        if (schema != null) {
            p.setProperty("forumkit.jdbc.schema", schema);
        }
        return Settings.load(p, Map.of());
    }

    @Test
    void unsetItIsTheCurrentSchemaAndANameIsTakenInLowerCase(@TempDir Path dir) {
        assertThat(load(dir, null).forumSchema()).isEqualTo(ForumSchema.DEFAULT);
        assertThat(load(dir, "Community").forumSchema()).isEqualTo(ForumSchema.named("community"));
        assertThat(load(dir, "Community").forumSchema().historyTable()).isEqualTo("forumkit_schema_history");
    }

    @Test
    void aNameThatIsNotAPlainIdentifierStopsTheStartWithTheRule(@TempDir Path dir) {
        assertThatThrownBy(() -> load(dir, "my-forum")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower case letters, digits or _").hasMessageContaining("my-forum");
    }

    @Test
    void generateAndRecountWorkInTheSchemaAndLeaveTheDefaultSchemaEmpty(@TempDir Path dir) throws Exception {
        Settings settings = load(dir, "community");
        assertThat(GenerateCommand.run(List.of("--posts", "40", "--threads", "4", "--members", "5", "--reactions", "5"),
                settings, new PrintStream(new ByteArrayOutputStream()))).isZero();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(RecountCommand.run(List.of(), settings, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .as(out.toString(StandardCharsets.UTF_8)).isZero();

        H2File file = new H2File(dir);
        List<String> publicTables = new ArrayList<>();
        file.query("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'",
                r -> publicTables.add(r.getString(1)));
        assertThat(publicTables).isEmpty();
        List<Long> posts = new ArrayList<>();
        file.query("SELECT COUNT(*) FROM \"community\".posts", r -> posts.add(r.getLong(1)));
        assertThat(posts).containsExactly(40L);
        assertThat(Storages.describe(settings)).endsWith(", schema community");
    }
}
