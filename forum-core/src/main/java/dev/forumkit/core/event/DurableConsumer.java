package dev.forumkit.core.event;

import dev.forumkit.core.storage.ForumStorage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's side of one durable consumer: its lease, its failures and backoff, and delivering one batch (or, for a
 * consumer with a {@link BatchPlanner}, one step of a batch per round, paced).
 */
final class DurableConsumer {
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY = Duration.ofMinutes(5);
    static final int BATCH = 100;
    /** How long an in-storage batch may work in its transaction before it commits what it has handled. */
    static final long BATCH_BUDGET_NANOS = 200_000_000L;
    /** How often a consumer with outside effects records its position while it works through a batch. */
    static final long RECORD_EVERY_NANOS = 1_000_000_000L;
    /** Events per batch of a consumer that plans batches: the more events, the more its reads are shared. */
    static final int PLANNED_BATCH = 1_000;
    /**
     * The share of its time a planning consumer works on a large batch: after its plan or a step took {@code t} it
     * waits {@code t * (1 - share) / share}. A large fan-out then works a tenth of the time (on H2 holds the write gate
     * a tenth of the time) and lags instead of slowing the requests (see docs/outbox.md, "Pacing"). Wall time, not
     * CPU time: on a machine where the process gets little CPU the work takes longer and the pause with it, so the
     * fan-out's share of what the process gets stays a tenth (by CPU time it took a fixed tenth of a core, which was a
     * quarter of what a starved server had).
     */
    static final double PACE_SHARE = 0.1;

    final EventConsumer consumer;
    private final ForumStorage storage;
    private final Clock clock;
    private final String owner;
    private final ReentrantLock lock = new ReentrantLock();
    private Instant leaseUntil; // while we hold it, by our own reckoning
    private volatile int failures;
    private volatile String lastError;
    private volatile Instant retryAt;
    /** A planned batch in progress: the steps still to run, for the batch after {@code stepsFrom} up to {@code stepsTo}. */
    private Deque<Runnable> steps;
    private long stepsFrom;
    private long stepsTo;
    private boolean stepsLarge;
    /** System.nanoTime before which a paced or gathering consumer does not go on (0: no pause). */
    private volatile long pausedUntil;
    /**
     * A consumer {@linkplain EventConsumer#recordingEvery recording less often}: the position it handled up to beyond
     * the stored one {@code aheadOf} (0: none), and when it last recorded.
     */
    private long handledAhead;
    private long aheadOf;
    private long recordedAt = System.nanoTime();

    /** Thrown inside the batch's transaction when another node took the consumer over: undoes the batch. */
    private static final class LostLease extends RuntimeException {
        LostLease() {
            super("lease lost", null, false, false);
        }
    }

    DurableConsumer(EventConsumer consumer, ForumStorage storage, Clock clock, String owner) {
        this.consumer = consumer;
        this.storage = storage;
        this.clock = clock;
        this.owner = owner;
    }

    /** Delivers at most one batch, unless backing off or leased elsewhere; answers whether it delivered any event. */
    boolean round(boolean wait) {
        if (wait) {
            lock.lock();
        } else if (!lock.tryLock()) {
            return false;
        }
        try {
            Instant now = clock.instant();
            if (retryAt != null && now.isBefore(retryAt)) {
                return false;
            }
            if (!wait && nanosUntilDue() > 0) {
                return false;
            }
            try {
                return deliver(now, wait);
            } catch (LostLease e) {
                leaseUntil = null;
                steps = null;
                handledAhead = 0;
                return false;
            } catch (RuntimeException e) {
                steps = null;
                handledAhead = 0; // what was handled is delivered again after the backoff

                fail(now, e);
                return false;
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean deliver(Instant now, boolean wait) {
        EventLog log = storage.eventLog();
        Optional<ConsumerState> state = log.consumer(consumer.name());
        if (state.isEmpty()) {
            throw new IllegalStateException("consumer " + consumer.name() + " is missing from the storage");
        }
        if (state.get().leasedToOtherThan(owner, now)) {
            return false; // another node works on it; an idle check costs no write
        }
        long stored = state.get().position();
        if (handledAhead <= stored || aheadOf != stored) {
            handledAhead = 0; // recorded meanwhile, or another node moved it while our lease had run out
        }
        long from = handledAhead > 0 ? handledAhead : stored; // handled, not yet recorded (recordingEvery)
        if (steps != null && stepsFrom != from) {
            steps = null; // the position moved under us (another node's turn while our lease had run out): plan again
        }
        if (steps != null) {
            return holdLease(now) && step();
        }
        int limit = consumer.planner() == null ? BATCH : PLANNED_BATCH;
        if (consumer.follows() != null) {
            // positions are dense, so the followed consumer's position bounds how many events we may take
            long ahead = log.consumer(consumer.follows()).map(ConsumerState::position).orElse(from) - from;
            limit = (int) Math.max(0, Math.min(limit, ahead));
        }
        List<StoredEvent> batch = limit == 0 ? List.of() : log.after(from, limit);
        if (batch.isEmpty() && handledAhead > 0 && (wait || recordingDue()) && holdLease(now)) {
            recordAhead(stored); // caught up: what it handled is recorded once due
        }
        if (batch.isEmpty() || !holdLease(now)) {
            return false;
        }
        if (consumer.planner() != null) {
            long started = System.nanoTime();
            List<EventDelivery> deliveries = batch.stream().map(DurableConsumer::delivery).toList();
            BatchPlan plan = storage.transactions().readOnly(() -> consumer.planner().plan(deliveries));
            steps = new ArrayDeque<>(plan.steps());
            stepsFrom = from;
            stepsTo = batch.get(batch.size() - 1).position();
            stepsLarge = plan.large();
            pace(System.nanoTime() - started);
            return step();
        }
        boolean[] wholeBatch = {true};
        if (consumer.effects() == EventConsumer.Effects.IN_STORAGE) {
            storage.transactions().run(() -> {
                // a batch stops early once its transaction has worked for BATCH_BUDGET: a transaction that holds H2's
                // one write gate (or many row locks) for a hundred large fan-outs would make every request wait
                long started = System.nanoTime();
                long to = from;
                Decoded decoded = Decoded.of(batch);
                EventHandler handler = consumer.handlerFor(decoded.deliveries);
                for (EventDelivery d : decoded.deliveries) {
                    handler.handle(d);
                    to = d.position();
                    if (System.nanoTime() - started >= BATCH_BUDGET_NANOS) {
                        wholeBatch[0] = to == batch.get(batch.size() - 1).position();
                        break;
                    }
                }
                if (wholeBatch[0]) {
                    decoded.failIfCut();
                }
                if (!log.advance(consumer.name(), owner, from, to)) {
                    throw new LostLease();
                }
            });
        } else {
            // The position is recorded after the batch, before a failure is passed on, and at least every
            // RECORD_EVERY while handling: one write per event would put a commit per event on the write path's
            // database (on H2 through its one write gate). A crash re-delivers at most that much, same keys. Events the
            // consumer names (recordingAfter) are recorded at once: their effects have no record of their own.
            // A consumer recording less often (recordingEvery) goes on from what it handled, and records it once due.
            long recorded = stored;
            long handled = from;
            boolean failed = true;
            if (consumer.recordingEvery().isZero()) {
                recordedAt = System.nanoTime(); // RECORD_EVERY is counted from the batch's start
            }
            try {
                Decoded decoded = Decoded.of(batch);
                EventHandler handler = consumer.handlerFor(decoded.deliveries);
                for (EventDelivery d : decoded.deliveries) {
                    handler.handle(d);
                    handled = d.position();
                    if (consumer.recordAfter().test(d.event())
                            || consumer.recordingEvery().isZero() && recordingDue()) { // else at the batch's end

                        recorded = record(recorded, handled);
                    }
                }
                decoded.failIfCut();
                failed = false;
            } finally {
                if (handled > recorded && (failed || wait || consumer.recordingEvery().isZero() || recordingDue())) {
                    handledAhead = 0;
                    record(recorded, handled);
                } else if (handled > recorded) {
                    handledAhead = handled;
                    aheadOf = recorded;
                }
            }
        }
        failures = 0;
        lastError = null;
        retryAt = null;
        if (!consumer.gathering().isZero()) {
            // caught up: let the next events gather for a while (see EventConsumer.gathering); a backlog goes on
            pausedUntil = batch.size() < limit && wholeBatch[0] ? System.nanoTime() + consumer.gathering().toNanos() : 0;
        }
        return true;
    }

    /**
     * Runs the next step of the planned batch in a transaction of its own; the last one also records the position.
     * Paced when the batch is large: the consumer waits before its next round.
     */
    private boolean step() {
        long started = System.nanoTime();
        Runnable next = steps.poll();
        if (!steps.isEmpty()) {
            storage.transactions().run(next);
        } else {
            EventLog log = storage.eventLog();
            long from = stepsFrom;
            long to = stepsTo;
            storage.transactions().run(() -> {
                if (next != null) {
                    next.run();
                }
                if (!log.advance(consumer.name(), owner, from, to)) {
                    throw new LostLease();
                }
            });
            steps = null;
            failures = 0;
            lastError = null;
            retryAt = null;
        }
        pace(System.nanoTime() - started);
        return true;
    }

    /** After work on a large batch that took {@code nanos}, a pause that keeps the work to its share of the time. */
    private void pace(long nanos) {
        if (stepsLarge) {
            pausedUntil = System.nanoTime() + (long) (nanos * (1 - PACE_SHARE) / PACE_SHARE);
        }
    }

    /** How long this consumer still pauses; 0 when it may go on. {@code drain()} does not wait for pauses. */
    long nanosUntilDue() {
        long until = pausedUntil;
        return until == 0 ? 0 : Math.max(0, until - System.nanoTime());
    }

    private boolean recordingDue() {
        Duration every = consumer.recordingEvery();
        return System.nanoTime() - recordedAt >= (every.isZero() ? RECORD_EVERY_NANOS : every.toNanos());
    }

    private void recordAhead(long stored) {
        long to = handledAhead;
        handledAhead = 0;
        record(stored, to);
    }

    private long record(long from, long to) {
        recordedAt = System.nanoTime();
        consumer.beforeRecording().run();
        if (!storage.transactions().inTransaction(() -> storage.eventLog().advance(consumer.name(), owner, from, to))) {
            throw new LostLease();
        }
        return to;
    }

    /** Renews the lease when half of it is gone: one write per half lease while there is work, none while idle. */
    private boolean holdLease(Instant now) {
        if (leaseUntil != null && now.isBefore(leaseUntil.minus(LEASE.dividedBy(2)))) {
            return true;
        }
        Instant until = now.plus(LEASE);
        boolean held = storage.transactions().inTransaction(() -> storage.eventLog().claim(consumer.name(), owner, now, until));
        leaseUntil = held ? until : null;
        return held;
    }

    /**
     * A batch's events decoded up to the first that cannot be (written by a newer forumkit): the ones before it are
     * handled as before, then the batch fails at that one.
     */
    private record Decoded(List<EventDelivery> deliveries, RuntimeException cut) {
        static Decoded of(List<StoredEvent> batch) {
            List<EventDelivery> out = new java.util.ArrayList<>(batch.size());
            for (StoredEvent e : batch) {
                try {
                    out.add(delivery(e));
                } catch (RuntimeException x) {
                    return new Decoded(out, x);
                }
            }
            return new Decoded(out, null);
        }

        void failIfCut() {
            if (cut != null) {
                throw cut;
            }
        }
    }

    private static EventDelivery delivery(StoredEvent e) {
        return new EventDelivery(e.position(), EventCodec.decode(e.event()), e.createdAt());
    }

    private void fail(Instant now, RuntimeException e) {
        int n = failures + 1;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(n - 1, 20));
        if (wait.compareTo(LAST_RETRY) > 0) {
            wait = LAST_RETRY;
        }
        failures = n;
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        retryAt = now.plus(wait);
        LOG.log(n == 1 ? Level.WARNING : Level.FINE, "outbox consumer " + consumer.name() + " failed (attempt " + n
                + "); retrying in " + wait.toMillis() + " ms", e);
    }

    /** Records what it handled but had not recorded yet, and gives the lease back so another node can go on at once. */
    void release() {
        lock.lock();
        try {
            if (handledAhead > 0 && leaseUntil != null) {
                long stored = storage.eventLog().consumer(consumer.name()).map(ConsumerState::position).orElse(-1L);
                try {
                    if (stored == aheadOf) {
                        recordAhead(stored);
                    }
                } catch (RuntimeException e) { // the next owner delivers those events again
                    LOG.log(Level.FINE, "could not record the position of " + consumer.name() + " on closing", e);
                }
                handledAhead = 0;
            }
            if (leaseUntil != null) {
                storage.transactions().run(() -> storage.eventLog().release(consumer.name(), owner));
                leaseUntil = null;
            }
        } finally {
            lock.unlock();
        }
    }

    int failures() {
        return failures;
    }

    String lastError() {
        return lastError;
    }

    Instant retryAt() {
        return retryAt;
    }
}
