package dev.forumkit.core.event;

import dev.forumkit.core.storage.ForumStorage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/** This node's side of one durable consumer: its lease, its failures and backoff, and delivering one batch. */
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

    final EventConsumer consumer;
    private final ForumStorage storage;
    private final Clock clock;
    private final String owner;
    private final ReentrantLock lock = new ReentrantLock();
    private Instant leaseUntil; // while we hold it, by our own reckoning
    private volatile int failures;
    private volatile String lastError;
    private volatile Instant retryAt;

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
            try {
                return deliver(now);
            } catch (LostLease e) {
                leaseUntil = null;
                return false;
            } catch (RuntimeException e) {
                fail(now, e);
                return false;
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean deliver(Instant now) {
        EventLog log = storage.eventLog();
        Optional<ConsumerState> state = log.consumer(consumer.name());
        if (state.isEmpty()) {
            throw new IllegalStateException("consumer " + consumer.name() + " is missing from the storage");
        }
        if (state.get().leasedToOtherThan(owner, now)) {
            return false; // another node works on it; an idle check costs no write
        }
        long from = state.get().position();
        List<StoredEvent> batch = log.after(from, BATCH);
        if (batch.isEmpty() || !holdLease(now)) {
            return false;
        }
        if (consumer.effects() == EventConsumer.Effects.IN_STORAGE) {
            storage.transactions().run(() -> {
                // a batch stops early once its transaction has worked for BATCH_BUDGET: a transaction that holds H2's
                // one write gate (or many row locks) for a hundred large fan-outs would make every request wait
                long started = System.nanoTime();
                long to = from;
                for (StoredEvent e : batch) {
                    consumer.handler().handle(delivery(e));
                    to = e.position();
                    if (System.nanoTime() - started >= BATCH_BUDGET_NANOS) {
                        break;
                    }
                }
                if (!log.advance(consumer.name(), owner, from, to)) {
                    throw new LostLease();
                }
            });
        } else {
            // The position is recorded after the batch, before a failure is passed on, and at least every
            // RECORD_EVERY while handling: one write per event would put a commit per event on the write path's
            // database (on H2 through its one write gate). A crash re-delivers at most that much, same keys.
            long recorded = from;
            long handled = from;
            long recordedAt = System.nanoTime();
            try {
                for (StoredEvent e : batch) {
                    consumer.handler().handle(delivery(e));
                    handled = e.position();
                    if (System.nanoTime() - recordedAt >= RECORD_EVERY_NANOS) {
                        recorded = record(recorded, handled);
                        recordedAt = System.nanoTime();
                    }
                }
            } finally {
                if (handled > recorded) {
                    record(recorded, handled);
                }
            }
        }
        failures = 0;
        lastError = null;
        retryAt = null;
        return true;
    }

    private long record(long from, long to) {
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

    private static Delivery delivery(StoredEvent e) {
        return new Delivery(e.position(), EventCodec.decode(e.event()), e.createdAt());
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

    /** Gives the lease back so another node can go on at once. */
    void release() {
        lock.lock();
        try {
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
