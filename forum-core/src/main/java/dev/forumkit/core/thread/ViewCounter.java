package dev.forumkit.core.thread;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.internal.WriteBuffer;
import dev.forumkit.core.storage.ForumStorage;

/**
 * Buffers thread views in memory and writes them in batches, so reading never costs a write per page view.
 * {@link #flush()} runs on a timer set up by {@code Forum} and on close; a failed flush keeps the counts.
 */
public final class ViewCounter {
    // one entry per thread viewed since the last flush: bounded by the number of threads, so no limit
    private final WriteBuffer<ThreadId, Long> buffer;

    public ViewCounter(ForumStorage storage) {
        this.buffer = new WriteBuffer<>("threads' views", storage.transactions(), Long::sum,
                batch -> storage.threads().addViews(batch), true, Integer.MAX_VALUE);
    }

    public void record(ThreadId thread) {
        buffer.add(thread, 1L);
    }

    /** Views counted but not yet written, to add to a thread's stored count when showing it. */
    public long pending(ThreadId thread) {
        Long n = buffer.pending(thread);
        return n == null ? 0 : n;
    }

    /** Writes every buffered view in one transaction; returns how many views were written. */
    public long flush() {
        return buffer.flush().values().stream().mapToLong(Long::longValue).sum();
    }
}
