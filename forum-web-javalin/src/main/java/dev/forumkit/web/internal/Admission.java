package dev.forumkit.web.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission control: at most {@code maxInFlight} requests are worked on at once; up to {@code maxWaiting} more wait
 * for a slot, first come first served, for at most {@code maxWait}; everything beyond is refused at once. A refused
 * request costs almost nothing, so an overloaded server keeps answering (503) instead of queueing without bound.
 */
public final class Admission {
    private final Semaphore slots;
    private final int maxInFlight;
    private final int maxWaiting;
    private final long maxWaitNanos;
    private final AtomicInteger waiting = new AtomicInteger();

    public Admission(int maxInFlight, int maxWaiting, Duration maxWait) {
        if (maxInFlight < 1 || maxWaiting < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("admission needs at least one slot, a queue of 0 or more and a wait of 0 or more");
        }
        this.slots = new Semaphore(maxInFlight, true); // fair: waiters are let in in the order they came
        this.maxInFlight = maxInFlight;
        this.maxWaiting = maxWaiting;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /**
     * Takes a slot, waiting for one if the queue has room; false when refused (queue full or waited too long).
     * Every true must be followed by exactly one {@link #leave()}.
     */
    public boolean enter() {
        try {
            if (slots.tryAcquire(0, TimeUnit.NANOSECONDS)) { // respects fairness, unlike tryAcquire()
                return true;
            }
            if (maxWaitNanos == 0 || waiting.incrementAndGet() > maxWaiting) {
                if (maxWaitNanos != 0) {
                    waiting.decrementAndGet();
                }
                return false;
            }
            try {
                return slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back the slot taken by a successful {@link #enter()}. */
    public void leave() {
        slots.release();
    }

    /** Requests being worked on now. */
    public int inFlight() {
        return maxInFlight - slots.availablePermits();
    }

    /**
     * Whether every slot is taken or requests wait for one: the node is at what it can work on at once. Live-update streams are
     * refused and shed while it is, before any page view is.
     */
    public boolean busy() {
        return waiting.get() > 0 || slots.availablePermits() == 0;
    }

    /** Requests waiting for a slot now. */
    public int waiting() {
        return waiting.get();
    }
}
