package dev.forumkit.app;

import dev.forumkit.core.Forum;
import dev.forumkit.core.search.SearchGenerations;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.markup.ForumMarkupRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.List;

/**
 * {@code java -jar forumkit.jar [--demo]}: starts the forum with settings from system properties, environment
 * variables or {@code forumkit.properties}. SIGTERM stops it gracefully.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install(); // core logs through java.util.logging
        List<String> options = List.of(args);
        if (!options.isEmpty() && options.get(0).equals("generate")) {
            System.exit(GenerateCommand.run(options.subList(1, options.size()), Settings.load(), System.out));
        }
        if (!options.isEmpty() && options.get(0).equals("recount")) {
            System.exit(RecountCommand.run(options.subList(1, options.size()), Settings.load(), System.out));
        }
        if (!options.isEmpty() && options.get(0).equals("compact")) {
            System.exit(CompactCommand.run(options.subList(1, options.size()), Settings.load(), System.out));
        }
        if (!options.isEmpty() && options.get(0).equals("mail-test")) {
            System.exit(MailTestCommand.run(options.subList(1, options.size()), Settings.load(), System.out));
        }
        if (!options.isEmpty() && options.get(0).equals("reindex")) {
            System.exit(ReindexCommand.run(options.subList(1, options.size()), Settings.load(), System.out));
        }
        if (!options.isEmpty() && options.get(0).equals("rerender")) {
            System.exit(RerenderCommand.run(options.subList(1, options.size()), Settings.load(), System.out));
        }
        if (!options.isEmpty() && options.get(0).equals("export")) {
            System.exit(ExportCommand.run(options.subList(1, options.size()), Settings.load(), System.out, System.err,
                    ProgressBar.onTerminal(), java.time.Clock.systemUTC()));
        }
        if (!options.isEmpty() && options.get(0).equals("import")) {
            System.exit(ImportCommand.run(options.subList(1, options.size()), Settings.load(), System.out, System.err,
                    ProgressBar.onTerminal(), java.time.Clock.systemUTC()));
        }
        if (options.contains("--help") || options.contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        for (String o : options) {
            if (!o.equals("--demo")) {
                System.err.println("unknown option " + o + "\n" + USAGE);
                System.exit(2);
            }
        }
        Settings settings = Settings.load();
        NodeSettings nodes = NodeSettings.load();
        LOG.info("{}", nodes);
        ForumStorage storage = Storages.open(settings, nodes);
        if (settings.jdbcUrl() == null) {
            List<String> released = DeadRunLeases.release(storage);
            if (!released.isEmpty()) {
                LOG.warn("outbox consumers {} were still leased by a run that did not stop: released, they go on now", released);
            }
        }
        // search.indexing=off: no index is opened, built or kept up to date, and search answers 503
        boolean indexing = SearchIndexes.indexingOn();
        SearchIndex opened = indexing ? openSearch(settings, storage) : new dev.forumkit.core.memory.InMemorySearchIndex();
        SearchGenerations generations = indexing ? SearchIndexes.generations(settings, opened) : null;
        AttachmentSettings attachments = AttachmentSettings.load(settings.dataDir());
        LOG.info("{}", attachments);
        ModerationSettings moderation = ModerationSettings.load();
        LOG.info("{}", moderation);
        Forum forum = Forum.create(storage, config -> {
            moderation.applyTo(config);
            Storages.signals(storage).ifPresent(config::signals); // every node hears the others' commits at once
            config.markupRenderer(ForumMarkupRenderer.create()).searchIndex(opened)
                .searchGenerations(generations).searchIndexing(indexing)
                .blobStore(dev.forumkit.core.blob.FileSystemBlobStore.open(attachments.blobDir()))
                .attachmentLimits(attachments.limits())
                .webhooks(WebhookAppSettings.load())
                .mailer(Mailers.create(settings.mail())).eventRetention(settings.eventRetention())
                .verification(settings.verification())
                .warningThresholds(settings.warningThresholds())
                .publicUrl(settings.publicUrl() != null ? settings.publicUrl() : "http://localhost:" + settings.port())
                .locale(Settings.locale());
        });
        MetricsSettings metricsSettings = MetricsSettings.load();
        LOG.info("{}", metricsSettings);
        ForumServer server = new ForumServer(settings, storage, forum, LiveSettings.load(), metricsSettings, nodes);
        SearchIndex index = forum.search().index(); // the live one: after an online rebuild, not the one opened
        server.afterStop(index::close);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "forumkit-shutdown"));
        try {
            if (settings.jdbcUrl() == null) { // the embedded H2 database: see UncleanShutdown for why
                UncleanShutdown unclean = new UncleanShutdown(settings.dataDir());
                unclean.recoverAndMark(forum);
                server.afterStop(() -> {
                    index.close();
                    unclean.stoppedCleanly();
                });
            }
            server.adminFromSettings();
            if (options.contains("--demo")) {
                List<DemoData.Account> accounts = new DemoData(forum, storage).seedIfEmpty();
                if (accounts.isEmpty()) {
                    LOG.info("--demo: the forum already has content; nothing added");
                }
                accounts.forEach(a -> LOG.info("demo account: {} / {}", a.username(), a.password()));
            }
            int port = server.start();
            String setupLink = server.setupLink(port);
            if (setupLink != null) {
                LOG.info("no admin yet: open this one-time link to create one: {}", setupLink);
            }
            LOG.info("storage: {}", Storages.describe(settings));
            LOG.info("mail: {}", Mailers.describe(settings.mail()));
            LOG.info("search: {}", indexing ? SearchIndexes.describe(settings, storage) : "off (search.indexing=off)");
            if (settings.publicUrl() == null) {
                LOG.warn("no public.url set: links in e-mails (password reset, notifications) point to {}", forum.publicUrl());
            }
            LOG.info("forumkit listening on port {}: open {}/", port, settings.baseUrl(port));
        } catch (RuntimeException e) {
            LOG.error("forumkit could not start: {}", e.toString(), e);
            server.stop();
            System.exit(1);
        }
    }

    /**
     * Opens the search index and, before the forum serves, finishes a rebuild a killed reindex left, or builds an
     * empty index (a new data directory, or one whose index was deleted) from the storage. Nothing is served from a
     * half-built index, and no outbox consumer writes to it while it is built.
     */
    private static SearchIndex openSearch(Settings settings, ForumStorage storage) {
        SearchIndex index = SearchIndexes.open(settings, storage);
        try {
            long started = System.nanoTime();
            SearchIndexes.Rebuilt r = SearchIndexes.rebuild(settings, storage, index, false, total -> {
                if (total > 0) {
                    LOG.info("search: building the index from {} posts", total);
                }
            }, n -> { });
            if (r.written() > 0) {
                LOG.info("search: indexed {} posts in {} ms", r.written(), (System.nanoTime() - started) / 1_000_000);
            }
            return index;
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    private static final String USAGE = """
            usage: java -jar forumkit.jar [--demo]
                   java -jar forumkit.jar generate [options] | recount [--repair] | compact | rerender [--batch N]
                   java -jar forumkit.jar reindex [--continue]
                   java -jar forumkit.jar mail-test ADDRESS
                   java -jar forumkit.jar export [--out FILE|-] [--with-secrets] | import FILE
              --demo   fill an empty forum with a small demo community (accounts are printed)
              """ + GenerateCommand.USAGE + "\n  " + RecountCommand.USAGE + "\n  " + CompactCommand.USAGE
            + "\n  " + RerenderCommand.USAGE + "\n  " + ReindexCommand.USAGE + "\n  " + MailTestCommand.USAGE
            + "\n  " + ExportCommand.USAGE + "\n  " + ImportCommand.USAGE + """

            settings (system property forumkit.KEY, environment FORUMKIT_KEY, or KEY= in forumkit.properties):
              port (8080), host (0.0.0.0), data.dir (./data), jdbc.url, jdbc.user, jdbc.password,
              public.url, admin.username, admin.email, admin.password, secure.cookies,
              rate.limits (true; false turns off sign-in and posting limits, for benchmarks),
              guest.cache (true with embedded H2, false with jdbc.url: guest thread pages served from memory until a write),
              guest.cache.mb (192: the guest page cache's budget, outside the heap; at most 3/4 of -XX:MaxDirectMemorySize),
              bench.routes (false; true adds GET /bench/ping, a trivial route for load tests),
              max.concurrent.requests (64; 0 = no admission control), max.queued.requests (128), queue.timeout.ms (1000):
                requests beyond those get 503 with Retry-After at once instead of waiting without bound
              mail.from (noreply@ the public.url host), smtp.host (none: e-mails are logged, not sent), smtp.port
                (587, 465 with tls, 25 with none), smtp.tls (starttls, tls or none), smtp.user, smtp.password,
                smtp.timeout.ms (10000)""";
}
