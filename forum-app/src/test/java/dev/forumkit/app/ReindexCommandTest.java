package dev.forumkit.app;

import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.LiveSearchIndex;
import dev.forumkit.core.search.SearchGenerations;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.search.SearchQuery;
import dev.forumkit.core.search.SearchRebuild;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.search.lucene.LuceneSearchIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generate} fills the search index; {@code reindex} rebuilds it with a progress bar, and {@code reindex
 * --continue} goes on after the last batch a killed run committed.
 */
class ReindexCommandTest {
    private static Settings settings(Path dir) {
        Properties p = new Properties();
        p.setProperty("forumkit.data.dir", dir.toString());
        return Settings.load(p, Map.of());
    }

    @Test
    void generateFillsTheIndexAndAKilledReindexGoesOnWhereItStopped(@TempDir Path dir) throws Exception {
        Settings settings = settings(dir);
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        assertThat(GenerateCommand.run(List.of("--posts", "1500", "--threads", "30", "--members", "10", "--reactions", "20"),
                settings, new PrintStream(generated, true, StandardCharsets.UTF_8))).isZero();
        assertThat(generated.toString(StandardCharsets.UTF_8)).contains("search index: 1,500 posts");
        List<Post> posts = new ArrayList<>();
        try (ForumStorage storage = Storages.open(settings)) {
            storage.transactions().readOnly(() -> {
                storage.posts().forEach(posts::add);
                return null;
            });
        }
        assertThat(posts).hasSize(1500);
        String word = firstLongWord(posts.get(1234).body());
        try (LuceneSearchIndex index = LuceneSearchIndex.open(SearchIndexes.directory(settings))) {
            assertThat(index.count()).isEqualTo(1500);
            assertThat(index.search(SearchQuery.words(word), 0, 2000).hits())
                    .extracting(h -> h.post().value()).contains(posts.get(1234).id().value());
            // a reindex killed after its first batch: the index holds posts 1..1000, the progress file names the 1000th
            // (an empty index with a progress file is rebuilt from the first post instead: it was emptied since)
            for (Post p : posts.subList(1000, posts.size())) {
                index.remove(p.id());
            }
            index.commit();
            assertThat(index.count()).isEqualTo(1000);
        }
        PostId thousandth = posts.get(999).id();
        Files.writeString(SearchIndexes.progressFile(settings), Long.toString(thousandth.value()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ReindexCommand.run(List.of("--continue"), settings, new PrintStream(out, true, StandardCharsets.UTF_8), true)).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("\rposts [").contains("reindex: 500 posts indexed after post " + thousandth);
        assertThat(Files.exists(SearchIndexes.progressFile(settings))).isFalse();
        try (LuceneSearchIndex index = LuceneSearchIndex.open(SearchIndexes.directory(settings))) {
            assertThat(index.count()).isEqualTo(1500); // the first batch kept, the resumed run's 500 added
            assertThat(index.search(SearchQuery.words(word), 0, 2000).hits())
                    .extracting(h -> h.post().value()).contains(posts.get(1234).id().value());
        }

        // an index emptied since the kill (deleted, or of an older layout): the progress file must not leave posts out
        try (LuceneSearchIndex index = LuceneSearchIndex.open(SearchIndexes.directory(settings))) {
            index.clear();
            index.commit();
        }
        Files.writeString(SearchIndexes.progressFile(settings), Long.toString(thousandth.value()));
        ByteArrayOutputStream emptied = new ByteArrayOutputStream();
        assertThat(ReindexCommand.run(List.of("--continue"), settings, new PrintStream(emptied, true, StandardCharsets.UTF_8), false)).isZero();
        assertThat(emptied.toString(StandardCharsets.UTF_8)).contains("the index holds 1,500 posts");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(SearchIndexes.directory(settings))) {
            assertThat(index.count()).isEqualTo(1500);
        }

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(ReindexCommand.run(List.of(), settings, new PrintStream(again, true, StandardCharsets.UTF_8), false)).isZero();
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("reindex: 1,500 posts indexed in").contains("the index holds 1,500 posts");
        assertThat(ReindexCommand.run(List.of("--bogus"), settings, new PrintStream(new ByteArrayOutputStream()), false)).isEqualTo(2);
    }

    @Test
    void anOnlineRebuildBuildsANewDirectoryThatARestartOpensAndDeletesTheOldOne(@TempDir Path dir) throws Exception {
        Settings settings = settings(dir);
        assertThat(GenerateCommand.run(List.of("--posts", "1200", "--threads", "30", "--members", "10", "--reactions", "0"),
                settings, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isZero();
        Path unfinished = Files.createDirectories(dir.resolve("search-1")); // a rebuild a crash cut short
        try (ForumStorage storage = Storages.open(settings)) {
            SearchIndex opened = SearchIndexes.open(settings, storage);
            SearchGenerations generations = SearchIndexes.generations(settings, opened);
            assertThat(unfinished).doesNotExist();
            LiveSearchIndex live = new LiveSearchIndex(opened);
            SearchIndex fresh = generations.next();
            SearchIndex retired = live.rebuild(storage, fresh, new SearchRebuild.Progress() {
                @Override
                public void total(long posts) {
                }

                @Override
                public void committed(long written, PostId last) {
                }
            });
            generations.promoted(fresh, retired);
            assertThat(live.current()).isSameAs(fresh);
            assertThat(live.count()).isEqualTo(1200);
            live.close();
        }
        Path now = SearchIndexes.directory(settings);
        assertThat(now.getFileName().toString()).startsWith("search-");
        assertThat(dir.resolve("search")).doesNotExist();
        try (LuceneSearchIndex index = LuceneSearchIndex.open(now)) {
            assertThat(index.count()).isEqualTo(1200);
        }
    }

    private static String firstLongWord(String body) {
        for (String w : body.split("[^\\p{L}]+")) {
            if (w.length() >= 6) {
                return w;
            }
        }
        throw new AssertionError("no long word in " + body);
    }
}
