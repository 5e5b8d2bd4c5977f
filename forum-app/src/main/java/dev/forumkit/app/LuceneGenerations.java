package dev.forumkit.app;

import dev.forumkit.core.search.SearchGenerations;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.search.lucene.LuceneSearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lucene indexes for online rebuilds: each new one in {@code <data.dir>/search-<millis>} beside the live one; when it
 * takes over, {@code <data.dir>/search.live} (written atomically) names it, so a restart opens it, and the old
 * directory is deleted. A directory a rebuild left unfinished (a crash) is deleted at the next start.
 */
final class LuceneGenerations implements SearchGenerations {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneGenerations.class);
    private final Path dataDir;
    private final Map<SearchIndex, Path> dirs = new IdentityHashMap<>();

    LuceneGenerations(Path dataDir, SearchIndex live, Path liveDir) {
        this.dataDir = dataDir;
        dirs.put(live, liveDir);
    }

    @Override
    public synchronized SearchIndex next() {
        Path dir = dataDir.resolve("search-" + System.currentTimeMillis());
        LuceneSearchIndex index = LuceneSearchIndex.open(dir);
        dirs.put(index, dir);
        return index;
    }

    @Override
    public synchronized void promoted(SearchIndex live, SearchIndex retired) {
        SearchIndexes.recordLive(dataDir, dirs.get(live).getFileName().toString());
        retired.close();
        delete(dirs.remove(retired));
        LOG.info("search: the rebuilt index in {} is live", dirs.get(live));
    }

    @Override
    public synchronized void discarded(SearchIndex unfinished) {
        try {
            unfinished.close();
        } finally {
            delete(dirs.remove(unfinished));
        }
    }

    /** Deletes directories {@code search-*} other than the live one: rebuilds a stop or crash cut short. */
    static void deleteUnfinished(Path dataDir, Path liveDir) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (Stream<Path> all = Files.list(dataDir)) {
            all.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("search-") && !p.equals(liveDir))
                    .forEach(LuceneGenerations::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dataDir, e);
        }
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("search: cannot delete the old index in {}: {}", dir, e.toString());
        }
    }
}
