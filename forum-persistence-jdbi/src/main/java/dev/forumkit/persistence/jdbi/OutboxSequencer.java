package dev.forumkit.persistence.jdbi;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * PostgreSQL: gives the committed outbox events that have none their positions (migration V30, docs/outbox.md
 * "Positions on PostgreSQL"). Writers insert events without a position and hold no shared row, so their commits no
 * longer queue one after the other; positions are handed out here, after commit, in short transactions of their own.
 *
 * <p>Why this never lets a consumer skip an event: a run first locks the {@code outbox_head} row, then, in a new
 * statement (so with a snapshot taken after it got the lock), numbers every event it sees without a position in id
 * order from the head on and moves the head; the lock is held until its commit. A run therefore sees everything the
 * run before it numbered, and its positions all become visible together, after every smaller one. An event whose
 * writer commits while a run is working gets a position in a later run, above every position already visible. Two
 * events of one writer, or of writers one of which committed before the other began, keep their order: ids come
 * from a sequence at insert time, and both are committed by the time a run sees the later one. Positions stay
 * dense: a run that rolls back takes its numbers and the head's move back together.
 *
 * <p>Runs are coalesced: a committing thread that finds a run in progress waits for it and for the next one, which
 * numbers its events and those of every commit queued meanwhile; so under many writers there are far fewer runs
 * (commits, WAL flushes) than writing transactions.
 */
final class OutboxSequencer {
    private static final Logger LOG = Logger.getLogger(OutboxSequencer.class.getName());
    /** Events numbered per statement; a larger backlog takes several runs, each its own short transaction. */
    static final int RUN = 10_000;
    private static final String NUMBER = "WITH pending AS (SELECT id FROM events WHERE position IS NULL ORDER BY id LIMIT :limit),"
            + " numbered AS (SELECT id, :head + row_number() OVER (ORDER BY id) AS position FROM pending),"
            + " moved AS (UPDATE events e SET position = n.position FROM numbered n WHERE e.id = n.id RETURNING e.position)"
            + " UPDATE outbox_head SET position = (SELECT max(position) FROM moved)"
            + " WHERE id = 1 AND EXISTS (SELECT 1 FROM moved) RETURNING position";

    private final JdbiTransactions db;
    /** Commits with events on this node so far; a commit's ticket is the count including it. */
    private final AtomicLong committed = new AtomicLong();
    private final ReentrantLock running = new ReentrantLock();
    private long numberedUpTo; // the tickets whose events a finished run has numbered; guarded by running

    OutboxSequencer(JdbiTransactions db) {
        this.db = db;
    }

    /**
     * Called on the writing thread after its transaction with events committed: returns once they have positions
     * (numbered by this thread's run or by a run that started after the commit). A failure is logged, not thrown:
     * the change is committed, and the outbox runner's {@link #numberWaiting()} numbers the events later.
     */
    void afterCommit() {
        long ticket = committed.incrementAndGet();
        running.lock();
        try {
            if (numberedUpTo >= ticket) {
                return; // a run that began after our commit has numbered our events
            }
            long covers = committed.get(); // every such ticket was taken after its commit, so this run sees its events
            numberAll();
            numberedUpTo = covers;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not number the outbox events just committed; the outbox runner will", e);
        } finally {
            running.unlock();
        }
    }

    /**
     * The runner's safety net (a node that stopped between a commit and its run, or a failed run): numbers what waits,
     * if anything does; answers how many. Costs one read through a partial index when nothing waits.
     */
    int numberWaiting() {
        boolean waiting = db.with(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM events WHERE position IS NULL)")
                .mapTo(Boolean.class).one());
        if (!waiting) {
            return 0;
        }
        running.lock();
        try {
            return numberAll();
        } finally {
            running.unlock();
        }
    }

    private int numberAll() {
        int total = 0;
        for (int n = RUN; n == RUN; total += n) {
            n = db.apart(h -> {
                long head = h.createQuery("SELECT position FROM outbox_head WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
                // a new statement, so a new snapshot: it sees every number the run before ours committed
                return h.createQuery(NUMBER).bind("limit", RUN).bind("head", head).mapTo(Long.class).findOne()
                        .map(moved -> (int) (moved - head)).orElse(0);
            });
        }
        return total;
    }
}
