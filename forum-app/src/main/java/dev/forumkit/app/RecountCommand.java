package dev.forumkit.app;

import dev.forumkit.core.Forum;
import dev.forumkit.core.attachment.AttachmentRecount;
import dev.forumkit.core.counter.RecountReport;
import dev.forumkit.core.storage.ForumStorage;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code forumkit recount [--repair]}: recomputes every counter from the rows with the core's recount and prints what
 * differed, then members' attachment usage and attachments whose file is missing from the blob store; exit status 0 when
 * nothing differed, 3 when something did (counters repaired only with {@code --repair}; a missing file is only reported).
 */
final class RecountCommand {
    /** A command's forum delivers no events: the server's outbox consumers (e-mail!) must not run here. */
    private static final java.util.function.Consumer<dev.forumkit.core.ForumConfig> NO_OUTBOX =
            c -> c.outboxPollInterval(java.time.Duration.ZERO);

    static final String USAGE = """
            recount [--repair]
                       recompute every counter from the rows; report differences (exit 3), repair them with --repair""";

    private RecountCommand() {
    }

    static int run(List<String> args, Settings settings, PrintStream out) {
        boolean repair = args.contains("--repair");
        if (args.stream().anyMatch(a -> !a.equals("--repair"))) {
            System.err.println("recount: unknown option; usage: " + USAGE);
            return 2;
        }
        long started = System.nanoTime();
        // the server's blob store, so that attachments whose files are gone are found (and members' usage recounted)
        AttachmentSettings attachments = AttachmentSettings.load(settings.dataDir());
        try (ForumStorage storage = Storages.open(settings); Forum forum = Forum.create(storage, NO_OUTBOX.andThen(c -> c
                .blobStore(dev.forumkit.core.blob.FileSystemBlobStore.open(attachments.blobDir()))
                .attachmentLimits(attachments.limits())))) {
            RecountReport report = forum.counters().recountAsSystem(repair);
            report.differences().stream().limit(50).forEach(d -> out.println("  " + d));
            out.printf(java.util.Locale.ROOT, "recount: %d threads, %d boards, %d members checked in %.1f s: %s%n",
                    report.threadsChecked(), report.boardsChecked(), report.membersChecked(),
                    (System.nanoTime() - started) / 1e9,
                    report.clean() ? "no difference" : report.differences().size() + " differences" + (repair ? " (repaired)" : ""));
            AttachmentRecount files = forum.attachments().recountAsSystem(repair);
            files.differences().stream().limit(50).forEach(d -> out.println("  attachment usage: " + d.stored() + " counted " + d.counted()));
            // a file cannot be made again: reported (also with --repair) for an admin to delete the attachment
            files.missingBlobs().stream().limit(50).forEach(id -> out.println("  attachment " + id.value() + ": file missing from the blob store"));
            out.printf(java.util.Locale.ROOT, "recount: attachments: %s%n", files.clean() ? "no difference"
                    : files.differences().size() + " usage differences" + (repair && !files.differences().isEmpty() ? " (repaired)" : "")
                            + ", " + files.missingBlobs().size() + " missing files");
            return report.clean() && files.clean() ? 0 : 3;
        }
    }
}
