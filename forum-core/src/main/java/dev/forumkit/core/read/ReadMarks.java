package dev.forumkit.core.read;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.internal.WriteBuffer;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.storage.ForumStorage;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Members' read positions moved by viewing thread pages. Buffered (when the forum has a flush timer) they are kept in
 * memory, merged into every read, and written in one transaction per flush, so a signed-in page view costs no write
 * of its own: a durable commit per view was most of a signed-in thread page's cost. A crash loses at most the read
 * marks of the last flush interval, never content. Unbuffered they are written at once. Marks made by posting (one's
 * own post is read) are written by the post's own transaction, not here. With each mark the member's alerts about
 * the posts it covers (news in the thread, quotes, mentions: {@code AlertKind.READ_WITH_THREAD}) become read, in the
 * same transaction: the header's alert count drops once the flush has run (at once when unbuffered).
 */
public final class ReadMarks {
    /** Beyond this many pending marks (a database down for long), marks are written at once again. */
    static final int MAX_PENDING = 100_000;

    private record Key(MemberId member, ThreadId thread) {
    }

    private final ForumStorage storage;
    private final WriteBuffer<Key, Integer> buffer;

    public ReadMarks(ForumStorage storage, boolean buffered) {
        this.storage = storage;
        this.buffer = new WriteBuffer<>("read marks", storage.transactions(), Math::max,
                batch -> batch.forEach((k, n) -> {
                    storage.readStates().markRead(k.member(), k.thread(), n);
                    // what the member has now read is no news: its alerts go read with the mark (docs/alerts.md)
                    storage.alerts().markReadInThread(k.member(), k.thread(), n);
                }),
                buffered, MAX_PENDING);
    }

    /** Moves the member's read position in the thread up to {@code number} (never back). */
    public void record(MemberId member, ThreadId thread, int number) {
        buffer.add(new Key(member, thread), number);
    }

    /** The member's read position in the thread: stored, or buffered if further. Call inside a transaction. */
    public int lastRead(MemberId member, ThreadId thread) {
        int stored = storage.readStates().lastRead(member, thread);
        Integer waiting = buffer.pending(new Key(member, thread));
        return waiting == null ? stored : Math.max(stored, waiting);
    }

    /** Read positions of the member in these threads (threads never read are absent). Call inside a transaction. */
    public Map<ThreadId, Integer> lastRead(MemberId member, Collection<ThreadId> threads) {
        Map<ThreadId, Integer> out = new HashMap<>(storage.readStates().lastRead(member, threads));
        if (!buffer.isEmpty()) {
            for (ThreadId t : threads) {
                Integer waiting = buffer.pending(new Key(member, t));
                if (waiting != null) {
                    out.merge(t, waiting, Math::max);
                }
            }
        }
        return out;
    }

    /** Marks buffered but not yet written. */
    public int pending() {
        return buffer.size();
    }

    /** Writes every buffered mark in one transaction; returns how many. A failed write keeps them for the next flush. */
    public int flush() {
        return buffer.flush().size();
    }
}
