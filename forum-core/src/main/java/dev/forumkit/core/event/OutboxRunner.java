package dev.forumkit.core.event;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox's one daemon thread: delivers a batch per consumer in turn (so a slow or failing consumer never holds
 * up the others), sleeps until a commit wakes it or the poll interval passes (other nodes' events wake nobody
 * here), and prunes now and then.
 */
final class OutboxRunner {
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    static final long GATHER_MILLIS = 100;
    private final Outbox outbox;
    private final long pollMillis;
    private final long pruneEveryNanos;
    private final Thread thread;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running = true;
    private long lastPrune = System.nanoTime();

    OutboxRunner(Outbox outbox, Duration pollInterval, long pruneEveryNanos) {
        this.outbox = outbox;
        this.pollMillis = Math.max(1, pollInterval.toMillis());
        this.pruneEveryNanos = pruneEveryNanos;
        this.thread = new Thread(this::loop, "forumkit-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            boolean progress = false;
            try {
                progress = outbox.deliverRound(false);
                pruneWhenDue();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "outbox runner round failed", e);
            }
            if (!progress) {
                await();
                gather(); // woken by a commit: let that moment's other events join the batch
            }
        }
    }

    /**
     * After an idle wait, lets the events of a busy moment gather before the next round, so that under a stream of
     * writes each consumer handles them in a few batches (a few commits) rather than one commit per write: on H2
     * every commit takes the one write gate the requests need too. A backlog is worked through without pauses.
     * Costs at most {@link #GATHER_MILLIS} of extra delay.
     */
    private void gather() {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(GATHER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void pruneWhenDue() {
        if (System.nanoTime() - lastPrune < pruneEveryNanos) {
            return;
        }
        lastPrune = System.nanoTime();
        try {
            int n = outbox.prune();
            if (n > 0) {
                LOG.fine(() -> "pruned " + n + " outbox events");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "outbox prune failed; will try again", e);
        }
    }

    private void await() {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    long due = outbox.nanosUntilDue(); // a paced consumer goes on when its pause ends
                    signal.wait(due == 0 ? pollMillis : Math.max(1, Math.min(pollMillis, due / 1_000_000 + 1)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    void stop() {
        running = false;
        wake();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
