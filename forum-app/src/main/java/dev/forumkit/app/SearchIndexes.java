package dev.forumkit.app;

import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import java.util.Optional;

import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.SearchGenerations;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.search.SearchRebuild;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.search.lucene.LuceneSearchIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

/**
 * The one place the app chooses its search index, and rebuilds it. The embedded H2 database gets a Lucene index in
 * {@code <data.dir>/search}. A rebuild records the last post id of each commit (every 20,000 posts) in
 * {@code <data.dir>/search-reindex.progress}, and deletes the file when it is done: a file left behind means the
 * index is half built, and the next reindex (or server start) goes on from there.
 */
final class SearchIndexes {
    /** Names the directory of the live Lucene index once an online rebuild has replaced {@code search}. */
    static final String LIVE_FILE = "search.live";
    private SearchIndexes() {
    }

    /**
     * {@code search.indexing}: {@code on} (the default) or {@code off}. Off, the server opens no index and runs no
     * {@code search} consumer, and search answers 503 ({@code ForumConfig.searchIndexing}).
     */
    static boolean indexingOn() {
        return indexingOn(System.getProperties(), System.getenv());
    }

    static boolean indexingOn(java.util.Properties system, java.util.Map<String, String> env) {
        String v = new Settings.Lookup(system, env, Settings.file(system, env)).get("search.indexing").orElse("on");
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException("search.indexing must be on or off, not '" + v + "'");
        };
    }

    /**
     * The index for this storage: on PostgreSQL (maybe several nodes) the full-text index in the shared database, so
     * nothing is node-local and the 'search' consumer writes it in its own outbox transaction; otherwise (the embedded
     * H2 default) a Lucene index in the data directory.
     */
    static SearchIndex open(Settings settings, ForumStorage storage) {
        if (storage instanceof JdbiForumStorage jdbi) {
            Optional<SearchIndex> shared = jdbi.searchIndex();
            if (shared.isPresent()) {
                return shared.get();
            }
        }
        return LuceneSearchIndex.open(directory(settings));
    }

    /** The live Lucene index's directory: {@code <data.dir>/search}, or the one an online rebuild made live. */
    static Path directory(Settings settings) {
        Path pointer = settings.dataDir().resolve(LIVE_FILE);
        if (Files.exists(pointer)) {
            try {
                String name = Files.readString(pointer).strip();
                if (name.matches("search(-[0-9]+)?")) {
                    return settings.dataDir().resolve(name);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + pointer, e);
            }
        }
        return settings.dataDir().resolve("search");
    }

    /** Names the live index's directory (after an online rebuild), atomically. */
    static void recordLive(Path dataDir, String name) {
        try {
            Path tmp = dataDir.resolve(LIVE_FILE + ".tmp");
            Files.writeString(tmp, name);
            Files.move(tmp, dataDir.resolve(LIVE_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the live search index in " + dataDir, e);
        }
    }

    /**
     * Online rebuilds for a Lucene index (the live one in {@link #directory}); none for an index in the database,
     * which is rebuilt offline. Deletes directories of rebuilds that did not finish.
     */
    static SearchGenerations generations(Settings settings, SearchIndex live) {
        if (live.inStorage()) {
            return null;
        }
        Path liveDir = directory(settings);
        LuceneGenerations.deleteUnfinished(settings.dataDir(), liveDir);
        return new LuceneGenerations(settings.dataDir(), live, liveDir);
    }

    static Path progressFile(Settings settings) {
        return settings.dataDir().resolve("search-reindex.progress");
    }

    static String describe(Settings settings, ForumStorage storage) {
        if (storage instanceof JdbiForumStorage jdbi && jdbi.searchIndex().isPresent()) {
            return "PostgreSQL full-text search in the database";
        }
        return "Lucene index in " + directory(settings);
    }

    /** What a rebuild did: posts written in this run, and whether it went on from an earlier, unfinished one. */
    record Rebuilt(long written, boolean resumed, PostId resumedAfter) {
    }

    /**
     * Rebuilds the index from the storage. {@code fresh}: empty it first and start from the first post; otherwise go
     * on after the post a progress file names, or, without one, do nothing unless the index is empty.
     *
     * @param total    told how many posts the storage has
     * @param progress told how many posts this run has written, after each batch
     */
    static Rebuilt rebuild(Settings settings, ForumStorage storage, SearchIndex index, boolean fresh,
                           LongConsumer total, LongConsumer progress) {
        Path file = progressFile(settings);
        PostId after = null;
        boolean resumed = false;
        // an empty index with a progress file was emptied since (a Lucene index of an older layout is emptied when
        // opened, or its directory was deleted): going on after the recorded post would leave the earlier ones out
        if (!fresh && Files.exists(file) && index.count() > 0) {
            after = readProgress(file);
            resumed = true;
        } else if (!fresh && index.count() > 0) {
            return new Rebuilt(0, false, null);
        } else {
            index.clear();
            index.commit();
            writeProgress(file, null);
        }
        long written = new SearchRebuild(storage, index).run(after, progressTo(file, total, progress));
        index.commit();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
        return new Rebuilt(written, resumed, after);
    }

    private static SearchRebuild.Progress progressTo(Path file, LongConsumer total, LongConsumer progress) {
        BiConsumer<Long, PostId> done = (n, last) -> {
            writeProgress(file, last); // after the commit: a resume never skips a post the index lacks
            progress.accept(n);
        };
        return new SearchRebuild.Progress() {
            @Override
            public void total(long posts) {
                total.accept(posts);
            }

            @Override
            public void committed(long written, PostId last) {
                done.accept(written, last);
            }

            @Override
            public void written(long written) {
                progress.accept(written);
            }
        };
    }

    private static PostId readProgress(Path file) {
        try {
            String text = Files.readString(file).strip();
            long id = text.isEmpty() ? 0 : Long.parseLong(text);
            return id <= 0 ? null : PostId.of(id);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read the reindex progress in " + file
                    + "; delete it and run reindex again", e);
        }
    }

    private static void writeProgress(Path file, PostId last) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, last == null ? "0" : Long.toString(last.value()));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the reindex progress in " + file, e);
        }
    }
}
