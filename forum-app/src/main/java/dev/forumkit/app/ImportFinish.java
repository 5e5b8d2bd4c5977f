package dev.forumkit.app;

import dev.forumkit.core.Forum;
import dev.forumkit.core.rerender.RerenderService;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.markup.ForumMarkupRenderer;

import java.io.PrintStream;
import java.time.Duration;

/**
 * What an import does after its rows are in: the posts' HTML made by the forum's renderer (a dump carries only what
 * members wrote), then the search index built from the posts, as {@code rerender} and {@code reindex} would. Both
 * work in batches that commit, and a rerun of the import redoes what is left.
 */
final class ImportFinish {
    private ImportFinish() {
    }

    /** Renders every post without this renderer's HTML; the number rendered. */
    static long render(ForumStorage storage, PrintStream err, boolean progress) {
        // no outbox thread: rendering publishes no event, and nothing here may deliver one
        try (Forum forum = Forum.create(storage, c -> c.markupRenderer(ForumMarkupRenderer.create()).outboxPollInterval(Duration.ZERO))) {
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
