package dev.forumkit.core.memory;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.event.ConsumerState;
import dev.forumkit.core.event.EncodedEvent;
import dev.forumkit.core.event.EventLog;
import dev.forumkit.core.event.StoredEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in the transactional maps: writers run one at a time, so positions taken from the head counter are
 * committed in order; a rolled-back transaction's undo log takes its events and its counter increment back.
 */
final class InMemoryEventLog implements EventLog {
    private static final int HEAD = 0;
    private final Tables db;
    private final Tables.TxMap<Integer, Long> head;
    private final Tables.TxMap<Long, StoredEvent> events;
    private final Tables.TxMap<String, ConsumerState> consumers;

    InMemoryEventLog(Tables db) {
        this.db = db;
        this.head = db.map();
        this.events = db.map();
        this.consumers = db.map();
    }

    @Override
    public long append(List<EncodedEvent> batch, Instant createdAt) {
        if (!db.inWrite()) {
            throw new IllegalStateException("events are appended inside the write transaction of their change");
        }
        long position = currentHead();
        for (EncodedEvent e : batch) {
            position++;
            events.put(position, new StoredEvent(position, e, createdAt));
        }
        head.put(HEAD, position);
        return position;
    }

    private long currentHead() {
        Long h = head.get(HEAD);
        return h == null ? 0 : h;
    }

    @Override
    public long head() {
        return db.read(this::currentHead);
    }

    @Override
    public List<StoredEvent> after(long position, int limit) {
        return db.read(() -> {
            List<StoredEvent> found = new ArrayList<>();
            for (StoredEvent e : events.range(position + 1, Long.MAX_VALUE).values()) {
                if (found.size() == limit) {
                    break;
                }
                found.add(e);
            }
            return found;
        });
    }

    @Override
    public Optional<ConsumerState> consumer(String name) {
        return db.read(() -> Optional.ofNullable(consumers.get(name)));
    }

    @Override
    public List<ConsumerState> consumers() {
        return db.read(() -> List.copyOf(consumers.values()));
    }

    @Override
    public boolean register(String name, long position) {
        return db.write(() -> {
            if (consumers.get(name) != null) {
                return false;
            }
            consumers.put(name, new ConsumerState(name, position, null, null));
            return true;
        });
    }

    @Override
    public boolean claim(String name, String owner, Instant now, Instant until) {
        return db.write(() -> {
            ConsumerState c = consumers.get(name);
            if (c == null) {
                throw new ConflictException("no outbox consumer " + name);
            }
            if (c.leasedToOtherThan(owner, now)) {
                return false;
            }
            consumers.put(name, new ConsumerState(name, c.position(), owner, until));
            return true;
        });
    }

    @Override
    public boolean advance(String name, String owner, long from, long to) {
        return db.write(() -> {
            ConsumerState c = consumers.get(name);
            if (c == null || c.position() != from || !owner.equals(c.leaseOwner())) {
                return false;
            }
            consumers.put(name, new ConsumerState(name, to, c.leaseOwner(), c.leaseUntil()));
            return true;
        });
    }

    @Override
    public void release(String name, String owner) {
        db.run(() -> {
            ConsumerState c = consumers.get(name);
            if (c != null && owner.equals(c.leaseOwner())) {
                consumers.put(name, new ConsumerState(name, c.position(), null, null));
            }
        });
    }

    @Override
    public int prune(Instant before, long upTo) {
        if (upTo < 1) {
            return 0;
        }
        return db.write(() -> {
            List<Long> doomed = new ArrayList<>();
            for (StoredEvent e : events.range(1L, upTo).values()) {
                if (e.createdAt().isBefore(before)) {
                    doomed.add(e.position());
                }
            }
            doomed.forEach(events::remove);
            return doomed.size();
        });
    }
}
