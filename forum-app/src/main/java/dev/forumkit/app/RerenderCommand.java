package dev.forumkit.app;

import dev.forumkit.core.Forum;
import dev.forumkit.core.rerender.RerenderService;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.markup.ForumMarkupRenderer;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code forumkit rerender [--batch N]}: rebuilds the stored HTML of every post rendered by another version of the
 * markup renderer than this jar's (after an upgrade that changed its rules), N posts per transaction in id order, with
 * a progress bar on a terminal. Resumable: posts already rendered by the current version are skipped, so a run that
 * was killed goes on with what is left when started again. Exit 0 when done, 1 when the database cannot be opened, 2 on
 * a usage error.
 */
final class RerenderCommand {
    static final String USAGE = """
            rerender [--batch 500]
                       rebuild the stored HTML of posts rendered by another renderer version, N posts per transaction;
                       a killed run, started again, goes on with what is left""";
    private static final int DEFAULT_BATCH = 500;

    private RerenderCommand() {
    }

    static int run(List<String> args, Settings settings, PrintStream out) {
        return run(args, settings, out, ProgressBar.onTerminal());
    }

    /** {@code progress} draws the bar whatever the output is (tests). */
    static int run(List<String> args, Settings settings, PrintStream out, boolean progress) {
        Integer batch = batchSize(args);
        if (batch == null) {
            System.err.println("rerender: bad option " + args + "; usage: " + USAGE);
            return 2;
        }
        long started = System.nanoTime();
        ForumStorage storage;
        try {
            storage = Storages.open(settings);
        } catch (RuntimeException e) {
            System.err.println("rerender: cannot open the " + Storages.describe(settings)
                    + " (on the embedded H2 database, stop the server first): " + e.getMessage());
            return 1;
        }
        try (storage; Forum forum = Forum.create(storage, c -> c.markupRenderer(ForumMarkupRenderer.create())
                .outboxPollInterval(java.time.Duration.ZERO))) {
            RerenderService rerender = forum.rerendering();
            long stale = rerender.countStaleAsSystem();
            ProgressBar bar = new ProgressBar(out, "posts", stale, progress);
            long[] seen = {0, 0}; // posts looked at, posts skipped (edited meanwhile)
            long done = rerender.rerenderAllAsSystem(null, batch, b -> {
                seen[0] += b.found();
                seen[1] += b.skipped();
                bar.update(seen[0]);
            });
            bar.done();
            out.printf(Locale.ROOT, "rerender: %,d posts rerendered to %s%s in %.1f s%n", done, rerender.currentVersion(),
                    seen[1] == 0 ? "" : String.format(Locale.ROOT, " (%,d edited meanwhile kept their edit's rendering)", seen[1]),
                    (System.nanoTime() - started) / 1e9);
            return 0;
        }
    }

    /** The batch size, or null when the arguments are not {@code [--batch N]} with N in 1..MAX_BATCH. */
    private static Integer batchSize(List<String> args) {
        if (args.isEmpty()) {
            return DEFAULT_BATCH;
        }
        if (args.size() != 2 || !args.get(0).equals("--batch")) {
            return null;
        }
        try {
            int n = Integer.parseInt(args.get(1).replace("_", ""));
            return n >= 1 && n <= RerenderService.MAX_BATCH ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
