package dev.forumkit.app;

import dev.forumkit.core.Forum;
import dev.forumkit.core.counter.RecountReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Notices that the last server on the embedded database died instead of stopping (kill -9, out of memory, power
 * loss) and recounts every counter before the next one serves. A marker file {@code forumkit.running} in the data
 * directory exists from start until the storage has closed cleanly; found at start, it means the last run died.
 *
 * <p>Why: H2 writes its file as per-table snapshots taken one after the other, so a crash while several writers are
 * busy can keep a post without its counter updates (h2database/h2database#2080). The storage lets one writer at a time
 * on an H2 file database, which closes that gap; this recount is the second line, for files written before that or by
 * another H2 bug, and says in the log what it repaired.
 */
final class UncleanShutdown {
    static final String MARKER = "forumkit.running";
    private static final Logger LOG = LoggerFactory.getLogger(UncleanShutdown.class);
    private final Path marker;

    UncleanShutdown(Path dataDir) {
        this.marker = dataDir.resolve(MARKER);
    }

    /** If the last run died, recounts and repairs the counters (logging what differed); then marks this run as running. */
    void recoverAndMark(Forum forum) {
        if (Files.exists(marker)) {
            long started = System.nanoTime();
            LOG.warn("the last run did not stop cleanly ({} is still there): recounting counters before serving", marker);
            RecountReport report = forum.counters().recountAsSystem(true);
            report.differences().stream().limit(50).forEach(d -> LOG.warn("repaired after unclean shutdown: {}", d));
            LOG.warn(String.format(Locale.ROOT, "recount after unclean shutdown: %d threads, %d boards, %d members checked in %.1f s: %s",
                    report.threadsChecked(), report.boardsChecked(), report.membersChecked(), (System.nanoTime() - started) / 1e9,
                    report.clean() ? "no difference" : report.differences().size() + " differences repaired"));
        }
        try {
            Files.writeString(marker, "pid " + ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
    }

    /** The storage closed cleanly: the next start needs no recount. */
    void stoppedCleanly() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            LOG.warn("could not remove {}: the next start will recount the counters", marker, e);
        }
    }
}
