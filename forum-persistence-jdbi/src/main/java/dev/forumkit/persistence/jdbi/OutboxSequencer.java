package dev.forumkit.persistence.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    /**
     * One run, as one round trip: two statements sent together, which PostgreSQL runs as one implicit transaction
     * (committed when the message's Sync arrives, so both take effect or neither). The first waits for the head row's
     * lock; the second, a new statement and so with a snapshot taken after the lock was granted, reads the head, numbers
     * every event it sees without a position in id order from there, moves the head and answers how many it numbered
     * (no row: none). The lock is held to the commit. Was three round trips (lock and read the head; number; commit),
     * each with the head row locked.
     */
    static final String NUMBER = "SELECT 1 FROM outbox_head WHERE id = 1 FOR UPDATE;\n"
            + "WITH head AS (SELECT position FROM outbox_head WHERE id = 1),"
            + " pending AS (SELECT id FROM events WHERE position IS NULL ORDER BY id LIMIT ?),"
            + " numbered AS (SELECT p.id, h.position + row_number() OVER (ORDER BY p.id) AS position FROM pending p CROSS JOIN head h),"
            + " moved AS (UPDATE events e SET position = n.position FROM numbered n WHERE e.id = n.id RETURNING e.position)"
            + " UPDATE outbox_head SET position = (SELECT max(position) FROM moved)"
            + " WHERE id = 1 AND EXISTS (SELECT 1 FROM moved) RETURNING (SELECT count(*) FROM moved)";

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
            n = db.own(h -> {
                try {
                    Connection c = h.getConnection();
                    boolean auto = c.getAutoCommit(); // a host's pool may hand out connections without auto-commit
                    int numbered = 0;
                    try (PreparedStatement ps = c.prepareStatement(NUMBER)) {
                        ps.setInt(1, RUN);
                        ps.execute(); // the lock's row first, then the numbering's answer
                        if (ps.getMoreResults()) {
                            try (ResultSet rs = ps.getResultSet()) {
                                numbered = rs.next() ? rs.getInt(1) : 0;
                            }
                        }
                    }
                    if (!auto) {
                        c.commit();
                    }
                    return numbered;
                } catch (SQLException e) {
                    throw Errors.translate(e);
                }
            });
        }
        return total;
    }
}
