package dev.forumkit.app;

import dev.forumkit.core.Forum;
import dev.forumkit.core.rerender.RerenderService;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.storage.ForumStorage;

import java.io.PrintStream;

/**
 * What an import does after its rows are in: the HTML of any post stored without it (the import renders while it
 * loads, so normally none), then the search index built from the posts, as {@code rerender} and {@code reindex} would.
 * Both work in batches that commit, and a rerun of the import redoes what is left.
 */
final class ImportFinish {
    private ImportFinish() {
    }

    /** Renders every post without this renderer's HTML (none, after an import that rendered while loading); the number rendered. */
    static long render(Forum forum, PrintStream err, boolean progress) {
        RerenderService rerender = forum.rerendering();
        ProgressBar bar = new ProgressBar(err, "render", rerender.countStaleAsSystem(), progress);
        long[] seen = {0};
        long done = rerender.rerenderAllAsSystem(null, 500, b -> {
            seen[0] += b.found();
            bar.update(seen[0]);
        });
        bar.done();
        return done;
    }

    /** Builds the search index afresh from the posts; the number indexed. */
    static long index(Settings settings, ForumStorage storage, PrintStream err, boolean progress) {
        try (SearchIndex index = SearchIndexes.open(settings, storage)) {
            ProgressBar[] bar = {null};
            long written = SearchIndexes.rebuild(settings, storage, index, true,
                    n -> bar[0] = new ProgressBar(err, "search", n, progress), n -> bar[0].update(n)).written();
            if (bar[0] != null) {
                bar[0].done();
            }
            return written;
        }
    }
}
