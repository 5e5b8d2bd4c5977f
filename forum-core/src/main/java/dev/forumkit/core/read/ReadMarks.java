package dev.forumkit.core.read;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.storage.ForumStorage;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Members' read positions moved by viewing thread pages. Buffered (when the forum has a flush timer) they are kept in
 * memory, merged into every read, and written in one transaction per flush, so a signed-in page view costs no write
 * of its own: a durable commit per view was most of a signed-in thread page's cost. A crash loses at most the read
 * marks of the last flush interval, never content. Unbuffered they are written at once. Marks made by posting (one's
 * own post is read) are written by the post's own transaction, not here.
 */
public final class ReadMarks {
    private static final Logger LOG = Logger.getLogger(ReadMarks.class.getName());
    /** Beyond this many pending marks (a database down for long), marks are written at once again. */
    static final int MAX_PENDING = 100_000;

    private record Key(MemberId member, ThreadId thread) {
    }

    private final ForumStorage storage;
    private final boolean buffered;
    private final ConcurrentHashMap<Key, Integer> pending = new ConcurrentHashMap<>();

    public ReadMarks(ForumStorage storage, boolean buffered) {
        this.storage = storage;
        this.buffered = buffered;
    }

    /** Moves the member's read position in the thread up to {@code number} (never back). */
    public void record(MemberId member, ThreadId thread, int number) {
        if (!buffered || pending.size() >= MAX_PENDING) {
            storage.transactions().run(() -> storage.readStates().markRead(member, thread, number));
            return;
        }
        pending.merge(new Key(member, thread), number, Math::max);
    }

    /** The member's read position in the thread: stored, or buffered if further. Call inside a transaction. */
    public int lastRead(MemberId member, ThreadId thread) {
        int stored = storage.readStates().lastRead(member, thread);
        Integer buffered = pending.get(new Key(member, thread));
        return buffered == null ? stored : Math.max(stored, buffered);
    }

    /** Read positions of the member in these threads (threads never read are absent). Call inside a transaction. */
    public Map<ThreadId, Integer> lastRead(MemberId member, Collection<ThreadId> threads) {
        Map<ThreadId, Integer> out = new HashMap<>(storage.readStates().lastRead(member, threads));
        if (!pending.isEmpty()) {
            for (ThreadId t : threads) {
                Integer buffered = pending.get(new Key(member, t));
                if (buffered != null) {
                    out.merge(t, buffered, Math::max);
                }
            }
        }
        return out;
    }

    /** Marks buffered but not yet written. */
    public int pending() {
        return pending.size();
    }

    /** Writes every buffered mark in one transaction; returns how many. A failed write keeps them for the next flush. */
    public synchronized int flush() {
        Map<Key, Integer> batch = new HashMap<>();
        for (Key key : pending.keySet()) {
            Integer n = pending.remove(key);
            if (n != null) {
                batch.put(key, n);
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            storage.transactions().run(() -> batch.forEach((k, n) -> storage.readStates().markRead(k.member(), k.thread(), n)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not write " + batch.size() + " read marks; keeping them for the next flush", e);
            batch.forEach((k, n) -> pending.merge(k, n, Math::max));
            throw e;
        }
        return batch.size();
    }
}
