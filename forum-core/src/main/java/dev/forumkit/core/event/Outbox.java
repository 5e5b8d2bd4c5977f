package dev.forumkit.core.event;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.signal.Signal;
import dev.forumkit.core.signal.SignalListener;
import dev.forumkit.core.signal.Signals;
import dev.forumkit.core.storage.ForumStorage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The forum's event outbox: services append their events in their own transaction, and a runner thread delivers
 * them after commit, in order, to this node's in-process listeners and to the durable consumers (at least once,
 * once per consumer across nodes). Reached through {@code forum.outbox()}; see docs/outbox.md.
 */
public final class Outbox implements AutoCloseable {
    /** The status name of this node's in-process listeners (their position is kept in memory). */
    public static final String LISTENERS = "listeners";
    /** The bus topic of "events committed up to the position in the body": every node's runner looks at once. */
    public static final String SIGNAL_TOPIC = "outbox";
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final long PRUNE_EVERY_NANOS = Duration.ofMinutes(10).toNanos();
    private static final int DRAIN_ROUNDS = 100_000;

    private final ForumStorage storage;
    private final Clock clock;
    private final Duration retention;
    private final String owner = "node-" + UUID.randomUUID();
    private final LocalListeners listeners;
    private final List<DurableConsumer> consumers = new CopyOnWriteArrayList<>();
    private final Map<String, DurableConsumer> byName = new ConcurrentHashMap<>();
    private final OutboxRunner runner;
    private final List<IntSupplier> housekeeping = new CopyOnWriteArrayList<>();
    private final Signals signals;
    private final AutoCloseable listening;

    /**
     * Created by {@code Forum}. {@code pollInterval}: how often the runner looks for other nodes' events;
     * {@code Duration.ZERO} starts no runner (deliver with {@link #drain()}, as tests do).
     */
    public Outbox(ForumStorage storage, Clock clock, EventBus bus, Duration pollInterval, Duration retention, Signals signals) {
        this.storage = storage;
        this.signals = signals;
        this.clock = clock;
        this.retention = retention;
        this.listeners = new LocalListeners(storage, bus);
        this.runner = pollInterval.isZero() ? null : new OutboxRunner(this, pollInterval, PRUNE_EVERY_NANOS);
        // another node's commit wakes this node's runner at once; after a loss it looks for itself (the poll would too)
        this.listening = signals.listen(new SignalListener() {
            @Override
            public void on(Signal signal) {
                if (signal.topic().equals(SIGNAL_TOPIC)) {
                    wake();
                }
            }

            @Override
            public void missed() {
                wake();
            }
        });
    }

    /**
     * Appends the events in the caller's write transaction and wakes the runner once the outermost transaction
     * committed. The services call it at the end of each command, so the position counter is held only until commit.
     */
    public void append(List<ForumEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<EncodedEvent> encoded = events.stream().map(EventCodec::encode).toList();
        long position = storage.eventLog().append(encoded, clock.instant().truncatedTo(ChronoUnit.MICROS));
        storage.transactions().afterCommit(() -> {
            wake();
            signals.publish(new Signal(SIGNAL_TOPIC, Long.toString(position))); // the other nodes' runners
        });
    }

    /** Adds a durable consumer; a new name starts at the current head (it sees events committed from now on). */
    public void register(EventConsumer consumer) {
        DurableConsumer c = new DurableConsumer(consumer, storage, clock, owner);
        if (byName.putIfAbsent(consumer.name(), c) != null) {
            throw new IllegalArgumentException("a consumer called " + consumer.name() + " is already registered");
        }
        try {
            storage.transactions().run(() -> storage.eventLog().register(consumer.name(), storage.eventLog().head()));
        } catch (ConflictException raced) {
            // another node registered it at the same moment: its row is as good as ours
        } catch (RuntimeException e) {
            byName.remove(consumer.name());
            throw e;
        }
        consumers.add(c);
        wake();
    }

    /** Head position, and for the listeners and every stored consumer its position, lag and last failure. */
    public OutboxStatus status() {
        EventLog log = storage.eventLog();
        long head = log.head();
        Instant now = clock.instant();
        List<OutboxStatus.ConsumerStatus> all = new ArrayList<>();
        long local = Math.max(listeners.position(), 0);
        all.add(new OutboxStatus.ConsumerStatus(LISTENERS, false, local, Math.max(0, head - local), age(local, now),
                null, null, 0, null, null));
        for (ConsumerState s : log.consumers()) {
            DurableConsumer here = byName.get(s.name());
            all.add(new OutboxStatus.ConsumerStatus(s.name(), true, s.position(), Math.max(0, head - s.position()),
                    age(s.position(), now), s.leaseOwner(), s.leaseUntil(), here == null ? 0 : here.failures(),
                    here == null ? null : here.lastError(), here == null ? null : here.retryAt()));
        }
        return new OutboxStatus(head, all);
    }

    private Duration age(long position, Instant now) {
        List<StoredEvent> next = storage.eventLog().after(position, 1);
        if (next.isEmpty()) {
            return null;
        }
        Duration age = Duration.between(next.get(0).createdAt(), now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /**
     * Delivers on the caller's thread until every consumer of this node has caught up, is backing off after a
     * failure or is leased to another node. Call it outside any transaction (inside one it would see that
     * transaction's own, uncommitted events). Tests use it instead of waiting for the runner.
     */
    public void drain() {
        for (int i = 0; i < DRAIN_ROUNDS; i++) {
            if (!deliverRound(true)) {
                return;
            }
        }
        throw new IllegalStateException("the outbox did not drain: a consumer keeps writing events for itself?");
    }

    /** One batch for the listeners and for each consumer; answers whether anything was delivered. */
    boolean deliverRound(boolean wait) {
        storage.eventLog().numberCommitted(); // a stopped node's committed, unnumbered events (PostgreSQL)
        boolean progress = listeners.round(wait);
        for (DurableConsumer c : consumers) {
            progress |= c.round(wait);
        }
        return progress;
    }

    /** How long until a paused consumer may go on (see DurableConsumer pacing); 0 when none pauses. */
    long nanosUntilDue() {
        long min = 0;
        for (DurableConsumer c : consumers) {
            long n = c.nanosUntilDue();
            if (n > 0 && (min == 0 || n < min)) {
                min = n;
            }
        }
        return min;
    }

    /**
     * Deletes events older than the retention that every durable consumer (of every node) has passed, then runs the
     * other {@linkplain #alsoPrune pruning}; the runner does it every ten minutes. Answers how many events it deleted.
     */
    public int prune() {
        EventLog log = storage.eventLog();
        long upTo = log.head();
        for (ConsumerState s : log.consumers()) {
            upTo = Math.min(upTo, s.position());
        }
        Instant before = clock.instant().minus(retention);
        long limit = upTo;
        int pruned = storage.transactions().inTransaction(() -> log.prune(before, limit));
        for (IntSupplier task : housekeeping) {
            try {
                task.getAsInt();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "pruning failed; will try again", e);
            }
        }
        return pruned;
    }

    /**
     * Adds a deletion of old rows (such as expired unsubscribe links) to the pruning the runner does every ten
     * minutes; it answers how many rows it deleted and runs its own transaction.
     */
    public void alsoPrune(IntSupplier task) {
        housekeeping.add(Objects.requireNonNull(task, "task"));
    }

    /** This node's lease holder name for durable consumers. */
    public String owner() {
        return owner;
    }

    Optional<DurableConsumer> consumer(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Tells the runner that events committed. */
    void wake() {
        if (runner != null) {
            runner.wake();
        }
    }

    /** Stops the runner (it finishes the batch in hand) and gives this node's leases back. */
    @Override
    public void close() {
        try {
            listening.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "could not stop listening to the bus", e);
        }
        if (runner != null) {
            runner.stop();
        }
        for (DurableConsumer c : consumers) {
            try {
                c.release();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not release the lease of " + c.consumer.name() + "; it runs out by itself", e);
            }
        }
    }
}
