package dev.forumkit.core.thread;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.storage.ForumStorage;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Buffers thread views in memory and writes them in batches, so reading never costs a write per page view.
 * {@link #flush()} runs on a timer set up by {@code Forum} and on close; a failed flush keeps the counts.
 */
public final class ViewCounter {
    private static final Logger LOG = Logger.getLogger(ViewCounter.class.getName());
    private final ForumStorage storage;
    // plain counts changed by atomic merge and remove: a view recorded while a flush runs lands either in the
    // batch or in a new entry, never in an entry the flush already took
    private final ConcurrentHashMap<ThreadId, Long> pending = new ConcurrentHashMap<>();

    public ViewCounter(ForumStorage storage) {
        this.storage = storage;
    }

    public void record(ThreadId thread) {
        pending.merge(thread, 1L, Long::sum);
    }

    /** Views counted but not yet written, to add to a thread's stored count when showing it. */
    public long pending(ThreadId thread) {
        return pending.getOrDefault(thread, 0L);
    }

    /** Writes every buffered view in one transaction; returns how many views were written. */
    public synchronized long flush() {
        Map<ThreadId, Long> batch = new HashMap<>();
        for (ThreadId thread : pending.keySet()) {
            Long n = pending.remove(thread);
            if (n != null && n > 0) {
                batch.put(thread, n);
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            storage.transactions().run(() -> storage.threads().addViews(batch));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not write " + batch.size() + " threads' views; keeping them for the next flush", e);
            batch.forEach((t, n) -> pending.merge(t, n, Long::sum));
            throw e;
        }
        return batch.values().stream().mapToLong(Long::longValue).sum();
    }
}
