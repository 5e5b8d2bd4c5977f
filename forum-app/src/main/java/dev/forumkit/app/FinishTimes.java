package dev.forumkit.app;

import dev.forumkit.persistence.jdbi.JdbiBulkLoader.Counting;
import dev.forumkit.persistence.jdbi.JdbiBulkLoader.FinishStep;

import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Times the steps of a bulk load's finish, as the loader announces them: wall clock and this thread's CPU, in which
 * an embedded H2 does its work. The loader does not time itself; its caller decides what is worth reporting.
 */
final class FinishTimes implements Consumer<FinishStep> {
    private record Mark(long wallNanos, long cpuNanos) {
        static Mark now() {
            var threads = ManagementFactory.getThreadMXBean();
            return new Mark(System.nanoTime(), threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0);
        }
    }

    private final Map<FinishStep, Mark> started = new EnumMap<>(FinishStep.class);
    private Mark ended;

    @Override
    public void accept(FinishStep step) {
        started.put(step, Mark.now());
    }

    /** Marks the end of the last step. */
    void done() {
        ended = Mark.now();
    }

    /** E.g. {@code last rows 0.0 s, indexes 2.8 s (CPU 2.5 s), counters 2.3 s (CPU 2.3 s, kept while loading)}. */
    String summary(Counting counting) {
        return String.format(Locale.ROOT, "last rows %.1f s, indexes %.1f s (CPU %.1f s), counters %.1f s (CPU %.1f s, %s)",
                seconds(FinishStep.LAST_ROWS, false), seconds(FinishStep.INDEXES, false), seconds(FinishStep.INDEXES, true),
                seconds(FinishStep.COUNTERS, false), seconds(FinishStep.COUNTERS, true),
                counting == Counting.KEPT_WHILE_LOADING ? "kept while loading" : "recounted by SQL");
    }

    /** From a step's start to the next step's (or the end), 0 for a step not reached. */
    private double seconds(FinishStep step, boolean cpu) {
        Mark from = started.get(step);
        if (from == null) {
            return 0;
        }
        Mark to = ended;
        for (FinishStep later : FinishStep.values()) {
            if (later.ordinal() > step.ordinal() && started.containsKey(later)) {
                to = started.get(later);
                break;
            }
        }
        if (to == null) {
            return 0;
        }
        return (cpu ? to.cpuNanos() - from.cpuNanos() : to.wallNanos() - from.wallNanos()) / 1e9;
    }
}
