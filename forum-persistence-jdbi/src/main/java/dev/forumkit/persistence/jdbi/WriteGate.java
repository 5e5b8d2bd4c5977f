package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.ForumException;
import dev.forumkit.core.StorageUnavailableException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The write gate of an H2 file database, with group commit. Writers take turns (see {@link JdbiTransactions} for why
 * no two may be half-done at once), but a writer that finds others queued behind it does not commit: it leaves its
 * changes in one H2 transaction that the next writers continue, each behind a savepoint of its own, and the last of
 * them (nobody queued, or {@link #MOST_PER_COMMIT} reached; one with {@link #groupCommit(boolean)} off) commits it, holding the turn. So writers that arrive during
 * a durable commit share the next one, every chunk H2 writes is still written with no change in flight, and each
 * writer returns only once the commit that holds its changes is done: if that commit fails, none of them is
 * acknowledged.
 *
 * <p>A writer whose work fails is rolled back to its savepoint and the others keep theirs. A failure that may have
 * cost the whole H2 transaction (a deadlock victim, a lost connection, an unknown database error, or a savepoint that
 * cannot be rolled back to) rolls the group back whole and asks every member to run again ({@link Errors.Retry}).
 *
 * <p>One rule for callers follows: a writer now waits for the writers queued after it, so it must not hold a Java lock
 * around its transaction that another writer's transaction body takes (none in forumkit does).
 */
final class WriteGate {
    /** Writers per durable commit at most: bounds how long a group's row locks are held. */
    static final int MOST_PER_COMMIT = 32;
    /** How long a writer waits for its group's commit before taking the turn to commit it itself (a rescue). */
    private static final long RESCUE_MILLIS = 200;

    private volatile int mostPerCommit = MOST_PER_COMMIT;
    private final ReentrantLock turn = new ReentrantLock(true);
    private final AtomicLong commits = new AtomicLong();
    private Group open; // the group taking members; guarded by turn

    /** Writers that took their turns on one H2 transaction; the outcome is written once, under the turn. */
    private static final class Group {
        final Handle handle;
        int members;
        final CountDownLatch done = new CountDownLatch(1);
        volatile RuntimeException failure;

        Group(Handle handle) {
            this.handle = handle;
        }
    }

    /**
     * Off: each writer commits on its own, as before group commit (for comparing the two, and a way back if a
     * deployment needs it). Writers already in an open group finish with it.
     */
    void groupCommit(boolean on) {
        mostPerCommit = on ? MOST_PER_COMMIT : 1;
    }

    /** Durable commits made so far (for tests that show writers sharing one). */
    long commits() {
        return commits.get();
    }

    /** Writers waiting for their turn now (for tests that line writers up behind one). */
    int queued() {
        return turn.getQueueLength();
    }

    /**
     * Runs {@code work} as one writer's turn in the open group (or a new one), and returns its result once the group's
     * commit is done. Throws what the work threw (its changes undone), {@link StorageUnavailableException} when the turn
     * does not come within {@code timeoutMillis}, or {@link Errors.Retry} when the group was lost.
     */
    <T> T run(Jdbi jdbi, long timeoutMillis, Function<Handle, T> work) {
        take(timeoutMillis);
        Group g;
        T result;
        try {
            g = open != null ? open : (open = begin(jdbi));
            result = turn(g, work);
        } finally {
            try {
                if (open != null && (open.members >= mostPerCommit || !turn.hasQueuedThreads())) {
                    finish(open);
                }
            } finally {
                turn.unlock();
            }
        }
        awaitCommit(g);
        return result;
    }

    private <T> T turn(Group g, Function<Handle, T> work) {
        Savepoint savepoint;
        try {
            savepoint = g.handle.getConnection().setSavepoint();
        } catch (SQLException | RuntimeException e) {
            lose(g, e);
            throw Errors.translate(e);
        }
        T result;
        try {
            result = work.apply(g.handle);
        } catch (RuntimeException | Error e) {
            RuntimeException translated = e instanceof Error ? null : Errors.translate(e);
            if (translated == null || !undo(g, savepoint, translated)) {
                lose(g, e); // the others run again; this writer gets its own failure, as without a group
            }
            if (e instanceof Error error) {
                throw error;
            }
            throw translated;
        }
        g.members++;
        return result;
    }

    /** Rolls one writer back to its savepoint; false when the group cannot be trusted to hold the others' changes. */
    private static boolean undo(Group g, Savepoint savepoint, RuntimeException failure) {
        if (!(failure instanceof ForumException) || failure instanceof StorageUnavailableException) {
            return false; // a deadlock, a lost connection or an unknown error may have undone more than this writer
        }
        try {
            g.handle.getConnection().rollback(savepoint);
            return true;
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    /** Rolls the whole group back: every member waiting for its commit gets a Retry and runs again. */
    private void lose(Group g, Throwable cause) {
        Errors.Retry retry = new Errors.Retry(cause);
        try {
            g.handle.rollback();
        } catch (RuntimeException e) {
            retry.addSuppressed(e);
        }
        close(g, retry);
    }

    /** Commits the group (or just closes it when it has no member left). Called holding the turn. */
    private void finish(Group g) {
        if (g.members == 0) {
            try {
                g.handle.rollback();
            } catch (RuntimeException e) {
                // nothing of a member's is in it; the pool replaces a broken connection
            }
            close(g, null);
            return;
        }
        RuntimeException failure = null;
        try {
            g.handle.commit();
            commits.incrementAndGet();
        } catch (RuntimeException e) {
            failure = Errors.translate(e);
            try {
                g.handle.rollback();
            } catch (RuntimeException r) {
                failure.addSuppressed(r);
            }
        }
        close(g, failure);
    }

    private void close(Group g, RuntimeException failure) {
        g.failure = failure;
        if (open == g) {
            open = null;
        }
        try {
            g.handle.close();
        } catch (RuntimeException e) {
            // a handle over a dead connection may fail to close; the pool discards the connection anyway
        }
        g.done.countDown();
    }

    /**
     * Waits for the group's commit. Normally a later member makes it; if it does not come (a writer that was queued
     * gave up waiting for its turn), this writer takes the turn and commits the group itself.
     */
    private void awaitCommit(Group g) {
        try {
            while (!g.done.await(RESCUE_MILLIS, TimeUnit.MILLISECONDS)) {
                turn.lock();
                try {
                    if (open == g) {
                        finish(g);
                    }
                } finally {
                    turn.unlock();
                }
            }
        } catch (InterruptedException e) {
            // the outcome is not known yet: wait for it without interruption, then keep the flag
            turn.lock();
            try {
                if (open == g) {
                    finish(g);
                }
            } finally {
                turn.unlock();
            }
            Thread.currentThread().interrupt();
        }
        if (g.failure != null) {
            throw g.failure;
        }
    }

    private void take(long timeoutMillis) {
        try {
            if (!turn.tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new StorageUnavailableException("the database is busy: another change has run for more than "
                        + timeoutMillis / 1000 + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting to change the database", e);
        }
    }

    private static Group begin(Jdbi jdbi) {
        Handle h;
        try {
            h = jdbi.open();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
        try {
            h.begin();
        } catch (RuntimeException e) {
            try {
                h.close();
            } catch (RuntimeException c) {
                e.addSuppressed(c);
            }
            throw Errors.translate(e);
        }
        return new Group(h);
    }
}
