package dev.forumkit.app;

import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.persistence.jdbi.JdbiExportReader;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code forumkit export [--out FILE|-] [--with-secrets]}: writes the forum as a dump (docs/export.md), table by
 * table in pages of {@value #PAGE} rows, so memory stays the same whatever the forum's size. A file is written
 * beside its name and moved into place when complete: a dump named FILE is never a cut-off one.
 */
final class ExportCommand {
    static final String USAGE = """
            export [--out forumkit-export.jsonl | -] [--with-secrets]
                       write the forum as JSON lines (docs/export.md) to a file or to standard output (-); members'
                       password hashes only with --with-secrets""";
    static final int PAGE = 1_000;

    private ExportCommand() {
    }

    /** {@code stdout} takes the dump with {@code --out -}; messages and the progress bar go to {@code err}. */
    static int run(List<String> args, Settings settings, PrintStream stdout, PrintStream err, boolean progress, Clock clock) {
        String out = "forumkit-export.jsonl";
        boolean secrets = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--with-secrets")) {
                secrets = true;
            } else if (a.equals("--out") && i + 1 < args.size()) {
                out = args.get(++i);
            } else {
                err.println("export: bad option " + a + "; usage: " + USAGE);
                return 2;
            }
        }
        long started = System.nanoTime();
        ForumStorage opened;
        try {
            opened = Storages.openForBatch(settings);
        } catch (RuntimeException e) {
            err.println("export: cannot open the " + Storages.describe(settings)
                    + " (on the embedded H2 database, stop the server first): " + e.getMessage());
            return 1;
        }
        try (JdbiForumStorage storage = (JdbiForumStorage) opened) {
            JdbiExportReader reader = JdbiExportReader.of(storage);
            long total = 0;
            for (String table : List.of("members", "categories", "boards", "threads", "posts", "reactions", "read_states")) {
                total += reader.count(table);
            }
            ProgressBar bar = new ProgressBar(err, "export", total, progress);
            DumpExport export = new DumpExport(storage, reader, bar);
            String dumpId = UUID.randomUUID().toString();
            java.util.Map<String, Long> counts;
            if (out.equals("-")) {
                counts = write(stdout, export, dumpId, secrets, clock);
                stdout.flush();
            } else {
                Path target = Path.of(out).toAbsolutePath();
                Path partial = target.resolveSibling(target.getFileName() + ".partial");
                try (OutputStream file = Files.newOutputStream(partial)) {
                    counts = write(file, export, dumpId, secrets, clock);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            bar.done();
            err.printf(Locale.ROOT, "export: %s in %.1f s%s to %s%n", counts, (System.nanoTime() - started) / 1e9,
                    secrets ? " (with password hashes: keep the file safe)" : "", out.equals("-") ? "standard output" : out);
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("export: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
    }

    private static java.util.Map<String, Long> write(OutputStream to, DumpExport export, String dumpId, boolean secrets, Clock clock)
            throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(to, StandardCharsets.UTF_8), 1 << 16);
        try (DumpWriter dump = new DumpWriter(w, secrets)) {
            dump.header(dumpId, clock.instant());
            export.writeTo(dump);
            dump.trailer();
            return dump.counts();
        }
    }
}
