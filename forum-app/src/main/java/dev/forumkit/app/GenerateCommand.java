package dev.forumkit.app;

import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.markup.ForumMarkupRenderer;
import dev.forumkit.persistence.jdbi.JdbiBulkLoader;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code forumkit generate [--members N] [--boards N] [--threads N] [--posts N] [--reactions N] [--seed N]}: fills an
 * empty database (the one the settings name) with a generated forum, through the bulk loader.
 */
final class GenerateCommand {
    static final String USAGE = """
            generate [--members 20000] [--boards 24] [--threads 40000] [--posts 1000000] [--reactions 500000] [--seed 1]
                     [--watchers 0]
                       fill an EMPTY database with a generated forum (same seed, same forum); members sign in as
                       member<N>@example.com / %s; --watchers N: the last N members watch the mega-thread;
                       prints a summary""".formatted(DataGenerator.PASSWORD);

    private GenerateCommand() {
    }

    static int run(List<String> args, Settings settings, PrintStream out) {
        Map<String, Long> o = new HashMap<>(Map.of("members", 20_000L, "boards", 24L, "threads", 40_000L,
                "posts", 1_000_000L, "reactions", 500_000L, "seed", 1L, "watchers", 0L));
        for (int i = 0; i < args.size(); i++) {
            String key = args.get(i).replaceFirst("^--", "");
            if (!args.get(i).startsWith("--") || !o.containsKey(key) || i + 1 >= args.size()) {
                System.err.println("generate: bad option " + args.get(i) + "\nusage: " + USAGE);
                return 2;
            }
            o.put(key, Long.parseLong(args.get(++i).replace("_", "")));
        }
        DataGenerator.Sizes sizes = new DataGenerator.Sizes(Math.toIntExact(o.get("members")), Math.toIntExact(o.get("boards")),
                Math.toIntExact(o.get("threads")), o.get("posts"), o.get("reactions"), o.get("seed"));
        long started = System.nanoTime();
        // H2 interns every string it reads or writes in a cache (hashing each post body); a load gains nothing from it.
        // Read once, when H2 is first used: set here, it affects only this process (generate runs alone).
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
        String finishTimes;
        double loadSeconds;
        try (JdbiForumStorage storage = (JdbiForumStorage) Storages.openForBatch(settings)) {
            long existing = storage.transactions().readOnly(() -> storage.members().count());
            // a generate killed half-way leaves posts whose members and threads were still held back
            long posts = storage.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM posts").mapTo(Long.class).one());
            if (existing > 0 || posts > 0) {
                System.err.println("generate: the database already has " + existing + " members and " + posts
                        + " posts; generate needs an empty one (" + Storages.describe(settings) + ")");
                return 1;
            }
            String hash = new Pbkdf2PasswordHasher().hash(DataGenerator.PASSWORD.toCharArray());
            ProgressBar bar = new ProgressBar(out, "posts", sizes.posts(), ProgressBar.onTerminal());
            DataGenerator.Result r;
            long finishStarted;
            try (JdbiBulkLoader load = JdbiBulkLoader.open(storage, ReactionTypes.defaults())) {
                r = new DataGenerator(sizes, ForumMarkupRenderer.create(), hash).load(load, bar::update);
                bar.done();
                finishStarted = System.nanoTime();
                loadSeconds = (finishStarted - started) / 1e9;
                if (ProgressBar.onTerminal()) {
                    out.println("building indexes, writing counters ...");
                }
                FinishTimes times = new FinishTimes();
                JdbiBulkLoader.Counting counting = load.finish(times);
                times.done();
                finishTimes = times.summary(counting);
            }
            int watchers = 0;
            if (o.get("watchers") > 0) {
                watchers = ThreadWatchers.watch(storage, dev.forumkit.core.content.ThreadId.of(r.megaThreadId()),
                        Math.toIntExact(Math.min(o.get("watchers"), r.members())), DataGenerator.END);
            }
            // generated rows bypass the outbox: the search index is built from them, as reindex would
            long indexStarted = System.nanoTime();
            long indexed;
            try (dev.forumkit.core.search.SearchIndex index = SearchIndexes.open(settings, storage)) {
                ProgressBar[] ibar = {null};
                indexed = SearchIndexes.rebuild(settings, storage, index, true,
                        n -> ibar[0] = new ProgressBar(out, "search", n, ProgressBar.onTerminal()), n -> ibar[0].update(n)).written();
                if (ibar[0] != null) {
                    ibar[0].done();
                }
            }
            double indexSeconds = (System.nanoTime() - indexStarted) / 1e9;
            double total = (indexStarted - started) / 1e9; // the figures below are the load's, as before the index
            double cpu = processCpuSeconds();
            double counters = (indexStarted - finishStarted) / 1e9;
            long pages = (r.megaThreadPosts() + 19) / 20;
            out.printf(Locale.ROOT, "generated %,d members, %,d boards, %,d threads, %,d posts, %,d reactions (seed %d) in %.1f s"
                            + " (%,.0f posts/s; CPU %.1f s; rows %.1f s, finish %.1f s: %s) into %s%n", r.members(), sizes.boards(),
                    r.threads(), r.posts(), r.reactions(), sizes.seed(), total, r.posts() / total, cpu, loadSeconds, counters, finishTimes,
                    Storages.describe(settings));
            out.printf(Locale.ROOT, "mega-thread: id %d, %,d posts (%,d pages of 20); threads %d..%d; load average %s%n",
                    r.megaThreadId(), r.megaThreadPosts(), pages, r.firstThreadId(), r.firstThreadId() + r.threads() - 1, loadAverage());
            if (watchers > 0) {
                out.printf(Locale.ROOT, "watchers: %,d members watch the mega-thread %d (the last ones: member%d..member%d)%n",
                        watchers, r.megaThreadId(), r.members() - watchers + 1, r.members());
            }
            out.printf(Locale.ROOT, "search index: %,d posts in %.1f s (%,.0f posts/s), %s%n", indexed, indexSeconds,
                    indexed / Math.max(indexSeconds, 1e-3), SearchIndexes.describe(settings, storage));
            out.println("members sign in as member<N>@example.com / " + DataGenerator.PASSWORD + " (N = 1.." + r.members() + ")");
            return 0;
        }
    }

    /** CPU time of this process so far (all threads, the JVM's own included), -1 if unknown. */
    static double processCpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return -1;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
