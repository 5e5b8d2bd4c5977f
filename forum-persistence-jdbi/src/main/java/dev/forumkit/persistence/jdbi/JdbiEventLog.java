package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.event.ConsumerState;
import dev.forumkit.core.event.EncodedEvent;
import dev.forumkit.core.event.EventLog;
import dev.forumkit.core.event.StoredEvent;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in the {@code events}, {@code outbox_head} and {@code outbox_consumers} tables (migration V5).
 *
 * <p>Why a counter row and not a sequence or identity column: a sequence hands out numbers at insert time, but
 * transactions commit in any order, so on PostgreSQL a consumer could read position 11 while position 10 is still
 * uncommitted, move past it, and never see it. Incrementing the one {@code outbox_head} row inside the transaction
 * holds that row's lock until commit: the next transaction with events waits at its increment until this one has
 * committed (or rolled back, which also takes the increment back: no gaps). Positions therefore become visible in
 * order, on PostgreSQL and on H2 alike. The lock is taken by the last statement of a command, so it is held only
 * for the commit itself.
 */
final class JdbiEventLog implements EventLog {
    private static final RowMapper<StoredEvent> EVENT = (rs, ctx) -> new StoredEvent(rs.getLong(1),
            new EncodedEvent(rs.getString(2), rs.getString(3)), Rows.instant(rs, 4));
    private static final RowMapper<ConsumerState> CONSUMER = (rs, ctx) -> new ConsumerState(rs.getString(1),
            rs.getLong(2), rs.getString(3), Rows.instant(rs, 4));
    private static final String CONSUMER_COLUMNS = "SELECT name, position, lease_owner, lease_until FROM outbox_consumers";

    private final JdbiTransactions db;
    private final String increment;

    JdbiEventLog(JdbiTransactions db) {
        this.db = db;
        this.increment = db.dialect().returning("UPDATE outbox_head SET position = position + :n WHERE id = 1", "position");
    }

    @Override
    public long append(List<EncodedEvent> events, Instant createdAt) {
        if (!db.inWriteTransaction()) {
            throw new IllegalStateException("events are appended inside the write transaction of their change");
        }
        if (events.isEmpty()) {
            return head();
        }
        if (db.dialect() == Dialect.POSTGRES) {
            return appendInOneStatement(events, createdAt);
        }
        return db.with(h -> {
            long last = h.createQuery(increment).bind("n", events.size()).mapTo(Long.class).one();
            long position = last - events.size();
            PreparedBatch batch = h.prepareBatch("INSERT INTO events (position, type, payload, created_at)"
                    + " VALUES (:position, :type, :payload, :created)");
            for (EncodedEvent e : events) {
                batch.bind("position", ++position).bind("type", e.type()).bind("payload", e.payload())
                        .bind("created", Rows.ts(createdAt)).add();
            }
            batch.execute();
            return last;
        });
    }

    /**
     * PostgreSQL: the head's increment and the events' insert in one statement, so the head row's lock, which every
     * writer with events queues for, is held for one round trip and the commit, not two round trips and the commit.
     */
    private long appendInOneStatement(List<EncodedEvent> events, Instant createdAt) {
        return db.with(h -> h.createQuery("WITH head AS (UPDATE outbox_head SET position = position + :n WHERE id = 1"
                        + " RETURNING position) INSERT INTO events (position, type, payload, created_at)"
                        + " SELECT head.position - :n + e.ord, e.type, e.payload, :created FROM head,"
                        + " unnest(CAST(:types AS VARCHAR[]), CAST(:payloads AS VARCHAR[])) WITH ORDINALITY AS e (type, payload, ord)"
                        + " RETURNING position")
                .bind("n", events.size()).bind("created", Rows.ts(createdAt))
                .bindArray("types", String.class, events.stream().map(EncodedEvent::type).toList())
                .bindArray("payloads", String.class, events.stream().map(EncodedEvent::payload).toList())
                .mapTo(Long.class).list().stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @Override
    public long head() {
        return db.with(h -> h.createQuery("SELECT position FROM outbox_head WHERE id = 1").mapTo(Long.class).one());
    }

    @Override
    public List<StoredEvent> after(long position, int limit) {
        return db.with(h -> h.createQuery("SELECT position, type, payload, created_at FROM events"
                        + " WHERE position > :position ORDER BY position LIMIT :limit")
                .bind("position", position).bind("limit", limit).map(EVENT).list());
    }

    @Override
    public Optional<ConsumerState> consumer(String name) {
        return db.with(h -> h.createQuery(CONSUMER_COLUMNS + " WHERE name = :name").bind("name", name).map(CONSUMER).findOne());
    }

    @Override
    public List<ConsumerState> consumers() {
        return db.with(h -> h.createQuery(CONSUMER_COLUMNS + " ORDER BY name").map(CONSUMER).list());
    }

    @Override
    public boolean register(String name, long position) {
        // two nodes registering at once: the second insert fails on the key (a ConflictException), as it should
        return db.with(h -> consumer(name).isEmpty()
                && h.createUpdate("INSERT INTO outbox_consumers (name, position) VALUES (:name, :position)")
                .bind("name", name).bind("position", position).execute() == 1);
    }

    @Override
    public boolean claim(String name, String owner, Instant now, Instant until) {
        // one statement: of two nodes claiming at once, the row lock lets the second see the first one's lease
        return db.with(h -> h.createUpdate("UPDATE outbox_consumers SET lease_owner = :owner, lease_until = :until"
                        + " WHERE name = :name AND (lease_owner IS NULL OR lease_owner = :owner OR lease_until <= :now)")
                .bind("owner", owner).bind("until", Rows.ts(until)).bind("name", name).bind("now", Rows.ts(now))
                .execute() == 1);
    }

    @Override
    public boolean advance(String name, String owner, long from, long to) {
        return db.with(h -> h.createUpdate("UPDATE outbox_consumers SET position = :to"
                        + " WHERE name = :name AND position = :from AND lease_owner = :owner")
                .bind("to", to).bind("name", name).bind("from", from).bind("owner", owner).execute() == 1);
    }

    @Override
    public void release(String name, String owner) {
        db.use(h -> h.createUpdate("UPDATE outbox_consumers SET lease_owner = NULL, lease_until = NULL"
                + " WHERE name = :name AND lease_owner = :owner").bind("name", name).bind("owner", owner).execute());
    }

    @Override
    public int prune(Instant before, long upTo) {
        return db.with(h -> h.createUpdate("DELETE FROM events WHERE position <= :upTo AND created_at < :before")
                .bind("upTo", upTo).bind("before", Rows.ts(before)).execute());
    }
}
