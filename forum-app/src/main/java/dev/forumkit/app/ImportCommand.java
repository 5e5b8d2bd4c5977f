package dev.forumkit.app;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.Forum;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.core.rerender.RerenderService;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import dev.forumkit.markup.ForumMarkupRenderer;
import dev.forumkit.persistence.jdbi.JdbiImportWriter;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code forumkit import FILE}: loads a dump (docs/export.md) into an empty forum, keeping every id and post number
 * of the dump. Lines are committed in batches together with the count of lines done, so a run stopped by a bad line,
 * a crash or Ctrl-C goes on where it stopped when started again, and a run over a finished import changes nothing.
 * Rows go straight to the tables, without domain events: imported content is history and must not alert, e-mail or
 * call webhooks.
 */
final class ImportCommand {
    static final String USAGE = """
            import FILE [--batch 2000]
                       load a dump made by export into an EMPTY forum (ids and post numbers kept); run again on the
                       same dump to go on after a failure (changes nothing once complete)""";
    private static final int DEFAULT_BATCH = 2_000;

    private ImportCommand() {
    }

    static int run(List<String> args, Settings settings, PrintStream out, PrintStream err, boolean progress, Clock clock) {
        Path file = null;
        int batch = DEFAULT_BATCH;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--batch") && i + 1 < args.size()) {
                try {
                    batch = Integer.parseInt(args.get(++i).replace("_", ""));
                } catch (NumberFormatException e) {
                    batch = 0;
                }
                if (batch < 1) {
                    err.println("import: --batch takes a number of lines from 1; usage: " + USAGE);
                    return 2;
                }
            } else if (file == null && !a.startsWith("--")) {
                file = Path.of(a);
            } else {
                err.println("import: bad option " + a + "; usage: " + USAGE);
                return 2;
            }
        }
        if (file == null) {
            err.println("import: which file? usage: " + USAGE);
            return 2;
        }
        if (!Files.isReadable(file)) {
            err.println("import: cannot read " + file);
            return 1;
        }
        ForumStorage opened;
        try {
            opened = Storages.openForBatch(settings, 4); // the writer, and the search rebuild's reads and writes
        } catch (RuntimeException e) {
            err.println("import: cannot open the " + Storages.describe(settings)
                    + " (on the embedded H2 database, stop the server first): " + e.getMessage());
            return 1;
        }
        long started = System.nanoTime();
        try (JdbiForumStorage storage = (JdbiForumStorage) opened; JdbiImportWriter writer = JdbiImportWriter.open(storage);
             // renders the posts while they load (as rerender would), so their HTML goes in with the row; no outbox
             // thread: rendering publishes no event, and nothing here may deliver one
             Forum forum = Forum.create(storage, c -> c.markupRenderer(ForumMarkupRenderer.create()).outboxPollInterval(Duration.ZERO));
             Counting counted = new Counting(Files.newInputStream(file));
             BufferedReader in = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            RerenderService rendering = forum.rerendering();
            // the members are all in before the first post (membersIn below) and do not change while the import runs
            Function<String, Rendered> render = rendering.bulkRenderingAsSystem();
            DumpParser[] parsing = {null};
            boolean[] membersCommitted = {false};
            long[] renderedWhileLoading = {0};
            // before the first rendering of this run: commit the lines before it, so that mentions find every member
            Runnable membersIn = () -> {
                if (!membersCommitted[0]) {
                    membersCommitted[0] = true;
                    if (writer.pending() > 0) {
                        writer.commit(parsing[0].line() - 1);
                    }
                }
            };
            DumpParser parser = parsing[0] = new DumpParser(p -> {
                membersIn.run();
                renderedWhileLoading[0]++;
                Rendered r = render.apply(p.body());
                return p.withRendering(r.html(), r.rendererVersion());
            }, (type, row) -> {
                // HTML is derived, as for posts: made by this forum's renderer (mentions: the members are in by now)
                if (type.equals("conversation_message") || type.equals("profile")) {
                    membersIn.run();
                }
                if (type.equals("conversation_message")) {
                    Rendered r = render.apply((String) row.get("body"));
                    row.put("html", r.html());
                    row.put("renderer_version", r.rendererVersion());
                } else if (type.equals("profile") && row.get("signature") != null) {
                    row.put("signature_html", render.apply((String) row.get("signature")).html());
                }
            });
            String first = in.readLine();
            if (first == null) {
                err.println("import: " + file + " is empty");
                return 1;
            }
            DumpParser.Header header = parser.header(first);
            JdbiImportWriter.Progress before = writer.begin(header.dumpId(), header.version(), clock.instant());
            if (before.finished()) {
                out.printf(Locale.ROOT, "import: dump %s (exported %s) is imported already: nothing changed%n",
                        header.dumpId(), header.exportedAt());
                return 0;
            }
            if (before.linesDone() > 0) {
                out.printf(Locale.ROOT, "import: going on after line %,d of an earlier run%n", before.linesDone());
            }
            ProgressBar bar = new ProgressBar(err, "import", Files.size(file), progress);
            long line = 1;
            long committed = Math.max(1, before.linesDone());
            try {
                for (String text; (text = in.readLine()) != null; ) {
                    line++;
                    parser.line(line, text, line > before.linesDone() ? writer : null);
                    if (line - committed >= batch) {
                        writer.commit(line);
                        committed = line;
                        bar.update(counted.bytes());
                    }
                }
                if (!parser.ended()) {
                    throw new DumpParser.BadLine(line + 1, "the dump ends without its end record: it was cut off (export it again)");
                }
            } catch (DumpParser.BadLine e) {
                writer.commit(e.line - 1); // everything before the bad line is kept
                bar.done();
                err.printf(Locale.ROOT, "import: %s: %s%nimport: lines 1 to %,d are imported; correct the line and run the import"
                        + " again to go on from there%n", file, e.getMessage(), e.line - 1);
                return 1;
            } catch (RuntimeException e) {
                bar.done();
                err.printf(Locale.ROOT, "import: lines %,d to %,d could not be stored: %s%nimport: lines 1 to %,d are imported;"
                        + " run the import again to go on from there%n", committed + 1, line, e.getMessage(), committed);
                return 1;
            }
            writer.finish(ReactionTypes.defaults(), line);
            // the permission grid and moderated boards through their ports: a put of a cell that is set changes nothing
            storage.transactions().inTransaction(() -> {
                parser.grants().forEach(storage.grants()::put);
                parser.moderatedBoards().forEach(b -> storage.heldPosts().setModerated(b, true));
                storage.grants().bump(); // every node rebuilds its cached grid
                return null;
            });
            bar.done();
            double loaded = (System.nanoTime() - started) / 1e9;
            // posts stored without this renderer's HTML (by an earlier run stopped before it rendered, or an older
            // forumkit's), then the search index from the HTML (PlainText reads it). The pass reads every post to find
            // none when this run wrote them all with their HTML, so it runs only when the writer cannot tell that.
            long renderStarted = System.nanoTime();
            boolean allRendered = writer.everyPostRenderedBy(rendering.currentVersion());
            long rendered = allRendered ? 0 : ImportFinish.render(forum, err, progress);
            double renderSeconds = (System.nanoTime() - renderStarted) / 1e9;
            long searchStarted = System.nanoTime();
            long indexed = ImportFinish.index(settings, storage, err, progress);
            double searchSeconds = (System.nanoTime() - searchStarted) / 1e9;
            writer.markFinished(clock.instant());
            out.printf(Locale.ROOT, "import: %,d lines of dump %s (forumkit %s, exported %s): %,d rows written, %,d there already,"
                            + " %,d posts rendered while loading, counters recounted, in %.1f s; %,d posts rendered afterwards %s; %,d posts indexed for search in %.1f s;"
                            + " %.1f s in all; %s%n", line, header.dumpId(), header.forumVersion(), header.exportedAt(),
                    writer.written(), writer.skipped(), renderedWhileLoading[0], loaded, rendered,
                    allRendered ? "(no pass: this run wrote every post with its HTML)" : String.format(Locale.ROOT, "in %.1f s", renderSeconds),
                    indexed, searchSeconds,
                    (System.nanoTime() - started) / 1e9,
                    header.withSecrets() ? "members sign in with their passwords"
                            : "the dump had no password hashes: members set a password through \"forgot password\"");
            return 0;
        } catch (DumpParser.BadLine e) {
            err.println("import: " + file + ": " + e.getMessage() + "; nothing imported");
            return 1;
        } catch (ConflictException e) {
            err.println("import: refused: " + e.getMessage() + " (" + Storages.describe(settings) + ")");
            return 1;
        } catch (IOException e) {
            err.println("import: cannot read " + file + ": " + e);
            return 1;
        }
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class Counting extends FilterInputStream {
        private long bytes;

        Counting(InputStream in) {
            super(in);
        }

        long bytes() {
            return bytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                bytes += n;
            }
            return n;
        }
    }
}
