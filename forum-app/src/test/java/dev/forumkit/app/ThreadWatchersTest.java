package dev.forumkit.app;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.watch.ThreadWatch;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code generate --watchers N}: the last N members watch the mega-thread, on-site only. */
class ThreadWatchersTest {
    @Test
    void the_last_members_watch_the_mega_thread(@TempDir Path dir) {
        Settings settings = Settings.load(new Properties(), Map.of("FORUMKIT_DATA_DIR", dir.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = GenerateCommand.run(List.of("--members", "12", "--boards", "1", "--threads", "3", "--posts", "12",
                "--reactions", "0", "--watchers", "5"), settings, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        assertThat(printed).contains("watchers: 5 members watch the mega-thread").contains("member8..member12");
        Matcher mega = Pattern.compile("mega-thread: id (\\d+)").matcher(printed);
        assertThat(mega.find()).isTrue();
        try (JdbiForumStorage storage = (JdbiForumStorage) Storages.openForBatch(settings)) {
            List<ThreadWatch> watchers = storage.transactions().readOnly(() ->
                    storage.watches().watchersOfThread(ThreadId.of(Long.parseLong(mega.group(1)))));
            assertThat(watchers).hasSize(5).noneMatch(ThreadWatch::email);
            List<String> emails = storage.transactions().readOnly(() -> watchers.stream()
                    .map(w -> storage.members().byId(w.member()).orElseThrow().email()).sorted().toList());
            assertThat(emails).containsExactly("member10@example.com", "member11@example.com", "member12@example.com",
                    "member8@example.com", "member9@example.com");
        }
    }
}
