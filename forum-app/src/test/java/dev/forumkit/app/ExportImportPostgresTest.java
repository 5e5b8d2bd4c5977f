package dev.forumkit.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import static dev.forumkit.app.ExportImportCommandTest.assertSameForumAsTheDump;
import static dev.forumkit.app.ExportImportCommandTest.export;
import static dev.forumkit.app.ExportImportCommandTest.generatedDump;
import static dev.forumkit.app.ExportImportCommandTest.importDump;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code export} and {@code import} on PostgreSQL (COPY batches): a round trip, across to H2 and back, and a rerun. */
class ExportImportPostgresTest {
    @Test
    void a_forum_round_trips_on_postgresql_and_between_postgresql_and_h2(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE source");
                s.execute("CREATE DATABASE target");
                s.execute("CREATE DATABASE back");
            }
            Settings source = postgres(pg, "source", dir.resolve("source"));
            Path dump = generatedDump(source, dir);

            Settings target = postgres(pg, "target", dir.resolve("target"));
            assertThat(importDump(target, dump, "--batch", "150")).startsWith("0:")
                    .as("every post written with its HTML").contains(" 0 posts rendered afterwards (no pass");
            assertSameForumAsTheDump(source, target, dump);
            assertThat(importDump(target, dump)).startsWith("0:").contains("nothing changed");
            assertThat(importDump(postgres(pg, "source", dir.resolve("source")), dump)).startsWith("1:").contains("not empty");

            // PostgreSQL -> H2 -> PostgreSQL: the same dump
            Settings h2 = ExportImportCommandTest.h2(dir.resolve("h2"));
            assertThat(importDump(h2, dump)).startsWith("0:");
            Path fromH2 = dir.resolve("from-h2.jsonl");
            export(h2, fromH2);
            Settings back = postgres(pg, "back", dir.resolve("back"));
            assertThat(importDump(back, fromH2)).startsWith("0:");
            assertSameForumAsTheDump(source, back, dump);
            assertThat(Files.readAllLines(dump)).hasSizeGreaterThan(500);
        }
    }

    private static Settings postgres(EmbeddedPostgres pg, String database, Path dataDir) {
        Properties p = new Properties();
        p.setProperty("forumkit.data.dir", dataDir.toString());
        p.setProperty("forumkit.jdbc.url", "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database);
        p.setProperty("forumkit.jdbc.user", "postgres");
        p.setProperty("forumkit.jdbc.password", "postgres");
        return Settings.load(p, Map.of());
    }

}
