package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.event.ConsumerState;
import dev.forumkit.core.event.EncodedEvent;
import dev.forumkit.core.event.EventLog;
import dev.forumkit.core.event.StoredEvent;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.time.ZoneOffset;
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
 * order. The lock is taken by the last statement of a command, so it is held only for the commit itself. That is how
 * H2 numbers its events (its writers commit one at a time through the write gate anyway).
 *
 * <p>On PostgreSQL the lock held through every commit made all writers with events commit one after the other, one
 * WAL flush each (issue 18). There events are inserted without a position (migration V30) and numbered after commit
 * by the {@link OutboxSequencer}, which holds the head row only for its own short transaction; {@link #after} and
 * {@link #head} see numbered events only.
 */
final class JdbiEventLog implements EventLog {
    private static final RowMapper<StoredEvent> EVENT = (rs, ctx) -> new StoredEvent(rs.getLong(1),
            new EncodedEvent(rs.getString(2), rs.getString(3)), Rows.instant(rs, 4));
    private static final RowMapper<ConsumerState> CONSUMER = (rs, ctx) -> new ConsumerState(rs.getString(1),
            rs.getLong(2), rs.getString(3), Rows.instant(rs, 4));
    private static final String INSERT = "INSERT INTO events (position, type, payload, created_at)"
            + " VALUES (:position, :type, :payload, :created)";
    private static final String INSERT_PLAIN = "INSERT INTO events (position, type, payload, created_at)"
            + " VALUES (?, ?, ?, ?)";
    private static final String CONSUMER_COLUMNS = "SELECT name, position, lease_owner, lease_until FROM outbox_consumers";

    private final JdbiTransactions db;
    private final String increment;
    private final String incrementPlain;
    private final OutboxSequencer sequencer; // PostgreSQL only

    JdbiEventLog(JdbiTransactions db) {
        this.db = db;
        this.sequencer = db.dialect() == Dialect.POSTGRES ? new OutboxSequencer(db) : null;
        this.increment = db.dialect().returning("UPDATE outbox_head SET position = position + :n WHERE id = 1", "position");
        this.incrementPlain = increment.replace(":n", "?");
    }

    @Override
    public long append(List<EncodedEvent> events, Instant createdAt) {
        if (!db.inWriteTransaction()) {
            throw new IllegalStateException("events are appended inside the write transaction of their change");
        }
        if (events.isEmpty()) {
            return head();
        }
        if (sequencer != null) {
            insertUnnumbered(events, createdAt);
            db.afterCommit(sequencer::afterCommit); // registered before the outbox's wake-up: numbered before it
            return 0;
        }
        if (events.size() == 1) {
            // a reply's one event: the head's move and a plain insert, both plain JDBC statements (task h2writer)
            EncodedEvent e = events.get(0);
            long last = db.plain(incrementPlain, s -> s.setInt(1, 1), rs -> {
                if (!rs.next()) {
                    throw new IllegalStateException("the outbox head is missing");
                }
                return rs.getLong(1);
            });
            db.plainUpdate(INSERT_PLAIN, last, e.type(), e.payload(), createdAt.atOffset(java.time.ZoneOffset.UTC));
            return last;
        }
        return db.with(h -> {
            long last = h.createQuery(increment).bind("n", events.size()).mapTo(Long.class).one();
            long position = last - events.size();
            PreparedBatch batch = h.prepareBatch(INSERT);
            for (EncodedEvent e : events) {
                batch.bind("position", ++position).bind("type", e.type()).bind("payload", e.payload())
                        .bind("created", Rows.ts(createdAt)).add();
            }
            batch.execute();
            return last;
        });
    }

    /**
     * PostgreSQL: one insert, no shared row, held back to go with the transaction's other held-back writes (its
     * result is only its row count). {@code WITH ORDINALITY ... ORDER BY} draws the ids in the events' order, which
     * the sequencer keeps.
     */
    private void insertUnnumbered(List<EncodedEvent> events, Instant createdAt) {
        db.later("INSERT INTO events (type, payload, created_at) SELECT e.type, e.payload, CAST(? AS TIMESTAMPTZ) FROM"
                        + " unnest(CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[])) WITH ORDINALITY AS e (type, payload, ord)"
                        + " ORDER BY e.ord",
                rows -> {
                    if (rows != events.size()) {
                        throw new IllegalStateException("stored " + rows + " of " + events.size() + " events");
                    }
                },
                createdAt.atOffset(ZoneOffset.UTC), events.stream().map(EncodedEvent::type).toArray(String[]::new),
                events.stream().map(EncodedEvent::payload).toArray(String[]::new));
    }

    @Override
    public int numberCommitted() {
        return sequencer == null ? 0 : sequencer.numberWaiting();
    }

    @Override
    public long head() {
        return db.with(h -> h.createQuery("SELECT position FROM outbox_head WHERE id = 1").mapTo(Long.class).one());
    }

    @Override
    public List<StoredEvent> after(long position, int limit) {
        if (sequencer != null && db.inWriteTransaction()) {
            return afterWithOwn(position, limit);
        }
        return db.with(h -> h.createQuery("SELECT position, type, payload, created_at FROM events"
                        + " WHERE position > :position ORDER BY position LIMIT :limit")
                .bind("position", position).bind("limit", limit).map(EVENT).list());
    }

    /**
     * PostgreSQL, inside a write transaction: the numbered events and this transaction's own, not yet numbered ones
     * (rows it inserted: {@code xmin} is its transaction id), as if numbered next, as they were on PostgreSQL before
     * V30 and still are on H2. Nothing delivers from inside a write transaction; it keeps the port's answer the same.
     */
    private List<StoredEvent> afterWithOwn(long position, int limit) {
        return db.with(h -> h.createQuery("SELECT position, type, payload, created_at FROM ("
                        + " SELECT position, type, payload, created_at FROM events WHERE position > :position"
                        + " UNION ALL SELECT (SELECT position FROM outbox_head WHERE id = 1) + row_number() OVER (ORDER BY id),"
                        + " type, payload, created_at FROM events WHERE position IS NULL"
                        + " AND xmin::text::bigint = txid_current_if_assigned() % 4294967296) e"
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
