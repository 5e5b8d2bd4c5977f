package dev.forumkit.core.thread;

import dev.forumkit.core.storage.ForumStorage;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Buffers thread views in memory and writes them in batches, so reading never costs a write per page view.
 * {@link #flush()} runs on a timer set up by {@code Forum} and on close; a failed flush keeps the counts.
 */
public final class ViewCounter {
    private static final Logger LOG = Logger.getLogger(ViewCounter.class.getName());
    private final ForumStorage storage;
    private final ConcurrentHashMap<ThreadId, LongAdder> pending = new ConcurrentHashMap<>();

    public ViewCounter(ForumStorage storage) {
        this.storage = storage;
    }

    public void record(ThreadId thread) {
        pending.computeIfAbsent(thread, t -> new LongAdder()).increment();
    }

    /** Views counted but not yet written, to add to a thread's stored count when showing it. */
    public long pending(ThreadId thread) {
        LongAdder a = pending.get(thread);
        return a == null ? 0 : a.sum();
    }

    /** Writes every buffered view in one transaction; returns how many views were written. */
    public synchronized long flush() {
        Map<ThreadId, Long> batch = new HashMap<>();
        for (Map.Entry<ThreadId, LongAdder> e : pending.entrySet()) {
            long n = e.getValue().sumThenReset();
            if (n > 0) {
                batch.put(e.getKey(), n);
            }
        }
        pending.entrySet().removeIf(e -> e.getValue().sum() == 0);
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            storage.transactions().run(() -> storage.threads().addViews(batch));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not write " + batch.size() + " threads' views; keeping them for the next flush", e);
            batch.forEach((t, n) -> pending.computeIfAbsent(t, k -> new LongAdder()).add(n));
            throw e;
        }
        return batch.values().stream().mapToLong(Long::longValue).sum();
    }
}
