package dev.forumkit.app;

import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.storage.ForumStorage;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code forumkit reindex [--continue]}: rebuilds the search index from the storage, every post in id order, in
 * committed batches, with a progress bar on a terminal. A killed run leaves its progress file; {@code --continue} goes
 * on after the last committed batch (so does the next server start). Run it with the server stopped: the embedded
 * database and the index each take one process. Exit 0 when done, 1 when the database or the index cannot be opened,
 * 2 on a usage error.
 */
final class ReindexCommand {
    static final String USAGE = """
            reindex [--continue]
                       rebuild the search index from the database (server stopped); --continue goes on after a
                       killed run's last batch instead of starting over""";

    private ReindexCommand() {
    }

    static int run(List<String> args, Settings settings, PrintStream out) {
        return run(args, settings, out, ProgressBar.onTerminal());
    }

    static int run(List<String> args, Settings settings, PrintStream out, boolean progress) {
        boolean resume = args.equals(List.of("--continue"));
        if (!args.isEmpty() && !resume) {
            System.err.println("reindex: bad option " + args + "; usage: " + USAGE);
            return 2;
        }
        ForumStorage storage;
        try {
            storage = Storages.open(settings);
        } catch (RuntimeException e) {
            System.err.println("reindex: cannot open the " + Storages.describe(settings)
                    + " (on the embedded H2 database, stop the server first): " + e.getMessage());
            return 1;
        }
        try (storage) {
            SearchIndex index;
            try {
                index = SearchIndexes.open(settings, storage);
            } catch (RuntimeException e) {
                System.err.println("reindex: cannot open the " + SearchIndexes.describe(settings, storage)
                        + " (stop the server first): " + e.getMessage());
                return 1;
            }
            try (index) {
                return rebuild(settings, storage, index, resume, out, progress);
            }
        }
    }

    private static int rebuild(Settings settings, ForumStorage storage, SearchIndex index, boolean resume,
                               PrintStream out, boolean progress) {
        long started = System.nanoTime();
        ProgressBar[] bar = {null};
        boolean fresh = !resume || !java.nio.file.Files.exists(SearchIndexes.progressFile(settings));
        SearchIndexes.Rebuilt r = SearchIndexes.rebuild(settings, storage, index, fresh,
                total -> bar[0] = new ProgressBar(out, "posts", total, progress), n -> bar[0].update(n));
        if (bar[0] != null) {
            bar[0].done();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "reindex: %,d posts indexed%s in %.1f s (%,.0f posts/s); the index holds %,d posts (%s)%n",
                r.written(), r.resumed() ? " after post " + r.resumedAfter() : "", seconds, r.written() / Math.max(seconds, 1e-3),
                index.count(), SearchIndexes.describe(settings, storage));
        return 0;
    }
}
