package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.alert.Alert;
import dev.forumkit.core.alert.AlertId;
import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.alert.Alerts;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.webhook.WebhookId;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

final class JdbiAlerts implements Alerts {
    private static final int CHUNK = 1_000;
    private static final String COLUMNS = "id, recipient_id, kind, actor_id, thread_id, post_id, board_id, detail, created_at,"
            + " is_read, source_position, profile_id, webhook_id";
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC";
    private static final RowMapper<Alert> MAPPER = (rs, ctx) -> {
        Long actor = Rows.nullableLong(rs, 4);
        Long thread = Rows.nullableLong(rs, 5);
        Long post = Rows.nullableLong(rs, 6);
        Long board = Rows.nullableLong(rs, 7);
        Long profile = Rows.nullableLong(rs, 12);
        Long webhook = Rows.nullableLong(rs, 13);
        return new Alert(AlertId.of(rs.getLong(1)), MemberId.of(rs.getLong(2)), AlertKind.valueOf(rs.getString(3)),
                actor == null ? null : MemberId.of(actor), thread == null ? null : ThreadId.of(thread),
                post == null ? null : PostId.of(post), board == null ? null : BoardId.of(board),
                profile == null ? null : MemberId.of(profile), webhook == null ? null : WebhookId.of(webhook),
                rs.getString(8), Rows.instant(rs, 9), rs.getBoolean(10), rs.getLong(11));
    };

    private final JdbiTransactions db;
    private final String insert;

    JdbiAlerts(JdbiTransactions db) {
        this.db = db;
        String values = "(recipient_id, kind, actor_id, thread_id, post_id, board_id, detail, created_at, is_read, source_position,"
                + " profile_id, webhook_id)";
        this.insert = switch (db.dialect()) {
            // one statement for the whole fan-out, with exact counts (the pool rewrites JDBC batches of inserts, which
            // then report no count per row); times travel as epoch microseconds, exactly
            case POSTGRES -> "INSERT INTO alerts " + values + " SELECT r, k, a, t, p, b, d,"
                    + " TIMESTAMPTZ 'epoch' + m * INTERVAL '1 microsecond', rd, pos, pr, w FROM unnest(CAST(:recipient AS BIGINT[]),"
                    + " CAST(:kind AS VARCHAR[]), CAST(:actor AS BIGINT[]), CAST(:thread AS BIGINT[]), CAST(:post AS BIGINT[]),"
                    + " CAST(:board AS BIGINT[]), CAST(:detail AS VARCHAR[]), CAST(:micros AS BIGINT[]), CAST(:read AS BOOLEAN[]),"
                    + " CAST(:position AS BIGINT[]), CAST(:profile AS BIGINT[]), CAST(:webhook AS BIGINT[]))"
                    + " AS x (r, k, a, t, p, b, d, m, rd, pos, pr, w)"
                    + " ON CONFLICT (recipient_id, source_position, kind) DO NOTHING";
            // H2 has no ON CONFLICT: skip what is stored; two transactions adding the same alert at once (one event
            // handled twice concurrently) make one fail on the unique key, and its consumer tries again
            case H2 -> "INSERT INTO alerts " + values + " SELECT CAST(:recipient AS BIGINT), CAST(:kind AS VARCHAR(32)),"
                    + " CAST(:actor AS BIGINT), CAST(:thread AS BIGINT), CAST(:post AS BIGINT), CAST(:board AS BIGINT),"
                    + " CAST(:detail AS VARCHAR(64)), CAST(:createdAt AS TIMESTAMP(6) WITH TIME ZONE), CAST(:read AS BOOLEAN),"
                    + " CAST(:position AS BIGINT), CAST(:profile AS BIGINT), CAST(:webhook AS BIGINT) WHERE NOT EXISTS (SELECT 1 FROM alerts WHERE recipient_id = :recipient"
                    + " AND source_position = :position AND kind = :kind)";
        };
    }

    @Override
    public int addAll(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return 0;
        }
        return db.dialect() == Dialect.POSTGRES ? db.with(h -> h.createUpdate(insert)
                .bindArray("recipient", Long.class, column(alerts, a -> a.recipient().value()))
                .bindArray("kind", String.class, column(alerts, a -> a.kind().name()))
                .bindArray("actor", Long.class, column(alerts, a -> a.actor() == null ? null : a.actor().value()))
                .bindArray("thread", Long.class, column(alerts, a -> a.thread() == null ? null : a.thread().value()))
                .bindArray("post", Long.class, column(alerts, a -> a.post() == null ? null : a.post().value()))
                .bindArray("board", Long.class, column(alerts, a -> a.board() == null ? null : a.board().value()))
                .bindArray("detail", String.class, column(alerts, Alert::detail))
                .bindArray("micros", Long.class, column(alerts, a -> ChronoUnit.MICROS.between(Instant.EPOCH, a.createdAt())))
                .bindArray("read", Boolean.class, column(alerts, Alert::read))
                .bindArray("position", Long.class, column(alerts, Alert::sourcePosition))
                .bindArray("profile", Long.class, column(alerts, a -> a.profile() == null ? null : a.profile().value()))
                .bindArray("webhook", Long.class, column(alerts, a -> a.webhook() == null ? null : a.webhook().value()))
                .execute()) : addAllH2(alerts);
    }

    private static <T> List<T> column(List<Alert> alerts, Function<Alert, T> value) {
        List<T> out = new ArrayList<>(alerts.size());
        alerts.forEach(a -> out.add(value.apply(a)));
        return out;
    }

    private int addAllH2(List<Alert> alerts) {
        return db.with(h -> {
            PreparedBatch batch = h.prepareBatch(insert);
            for (Alert a : alerts) {
                batch.bind("recipient", a.recipient().value()).bind("kind", a.kind().name())
                        .bind("actor", a.actor() == null ? null : a.actor().value())
                        .bind("thread", a.thread() == null ? null : a.thread().value())
                        .bind("post", a.post() == null ? null : a.post().value())
                        .bind("board", a.board() == null ? null : a.board().value()).bind("detail", a.detail())
                        .bind("createdAt", Rows.ts(a.createdAt())).bind("read", a.read())
                        .bind("position", a.sourcePosition())
                        .bind("profile", a.profile() == null ? null : a.profile().value())
                        .bind("webhook", a.webhook() == null ? null : a.webhook().value()).add();
            }
            int added = 0;
            for (int n : batch.execute()) {
                added += n;
            }
            return added;
        });
    }

    @Override
    public Optional<Alert> byId(AlertId id) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM alerts WHERE id = :id").bind("id", id.value())
                .map(MAPPER).findOne());
    }

    @Override
    public List<Alert> unread(MemberId recipient) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM alerts WHERE recipient_id = :r AND is_read = FALSE"
                + NEWEST_FIRST).bind("r", recipient.value()).map(MAPPER).list());
    }

    @Override
    public List<Alert> readPage(MemberId recipient, int offset, int limit) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM alerts WHERE recipient_id = :r AND is_read = TRUE"
                        + NEWEST_FIRST + " LIMIT :limit OFFSET :offset")
                .bind("r", recipient.value()).bind("limit", limit).bind("offset", offset).map(MAPPER).list());
    }

    @Override
    public long countUnread(MemberId recipient) {
        return count(recipient, false);
    }

    @Override
    public dev.forumkit.core.alert.UnreadCounts unreadCounts(MemberId member) {
        // the two counts of countUnread and JdbiConversations.countUnread, as sub-queries of one statement
        return db.with(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM alerts WHERE recipient_id = :member AND is_read = :read),"
                        + " (" + JdbiConversations.UNREAD_COUNT + ")")
                .bind("member", member.value()).bind("read", false)
                .map((rs, ctx) -> new dev.forumkit.core.alert.UnreadCounts(rs.getLong(1), rs.getLong(2))).one());
    }

    @Override
    public long countRead(MemberId recipient) {
        return count(recipient, true);
    }

    private long count(MemberId recipient, boolean read) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM alerts WHERE recipient_id = :r AND is_read = :read")
                .bind("r", recipient.value()).bind("read", read).mapTo(Long.class).one());
    }

    @Override
    public int markRead(MemberId recipient, Collection<AlertId> ids) {
        List<Long> all = ids.stream().map(AlertId::value).distinct().toList();
        int changed = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(from + CHUNK, all.size()));
            changed += db.with(h -> h.createUpdate("UPDATE alerts SET is_read = TRUE WHERE recipient_id = :r"
                    + " AND is_read = FALSE AND id IN (<ids>)").bind("r", recipient.value()).bindList("ids", chunk).execute());
        }
        return changed;
    }

    @Override
    public int markAllRead(MemberId recipient) {
        return db.with(h -> h.createUpdate("UPDATE alerts SET is_read = TRUE WHERE recipient_id = :r AND is_read = FALSE")
                .bind("r", recipient.value()).execute());
    }

    /** The kinds read with the thread as SQL literals (constant: no list to bind, one statement text). */
    private static final String READ_WITH_THREAD_KINDS = AlertKind.READ_WITH_THREAD.stream()
            .map(k -> "'" + k.name() + "'").sorted().collect(Collectors.joining(", "));
    /**
     * The member's unread alerts of the kinds in the thread (ix_alerts_recipient's range of the member's unread ones,
     * or ix_alerts_thread_unread's of the thread's: both stay short now that reading marks them read), each post's number by
     * primary key.
     */
    static final String MARK_READ_IN_THREAD = "UPDATE alerts SET is_read = TRUE WHERE recipient_id = ? AND is_read = FALSE"
            + " AND thread_id = ? AND kind IN (" + READ_WITH_THREAD_KINDS + ")"
            + " AND EXISTS (SELECT 1 FROM posts p WHERE p.id = alerts.post_id AND p.number <= ?)";

    @Override
    public int markReadInThread(MemberId recipient, ThreadId thread, int number) {
        // PostgreSQL: sent with the transaction's next statement or its commit, no round trip of its own (answers 0);
        // H2: a plain JDBC statement at once, as the reply's other writes (task h2writer)
        int[] changed = {0};
        db.write(MARK_READ_IN_THREAD, n -> changed[0] = n, recipient.value(), thread.value(), number);
        return changed[0];
    }

    @Override
    public Set<MemberId> recipientsAbout(PostId post, AlertKind kind) {
        return db.with(h -> h.createQuery("SELECT DISTINCT recipient_id FROM alerts WHERE post_id = :post AND kind = :kind")
                .bind("post", post.value()).bind("kind", kind.name()).map((rs, ctx) -> MemberId.of(rs.getLong(1)))
                .collect(Collectors.toCollection(HashSet::new)));
    }

    @Override
    public Set<MemberId> withNewsPending(ThreadId thread, AlertKind kind) {
        // one range of ix_alerts_thread_unread (thread, unread); the post and read mark of each row by primary key
        return db.with(h -> h.createQuery("SELECT DISTINCT a.recipient_id FROM alerts a JOIN posts p ON p.id = a.post_id"
                        + " LEFT JOIN read_states r ON r.member_id = a.recipient_id AND r.thread_id = a.thread_id"
                        + " WHERE a.thread_id = :t AND a.kind = :kind AND a.is_read = FALSE AND p.deleted_at IS NULL"
                        + " AND p.number > COALESCE(r.last_read, 0)")
                .bind("t", thread.value()).bind("kind", kind.name()).map((rs, ctx) -> MemberId.of(rs.getLong(1)))
                .collect(Collectors.toCollection(HashSet::new)));
    }

    @Override
    public java.util.Map<ThreadId, Set<MemberId>> withNewsPending(Collection<ThreadId> threads, Set<AlertKind> kinds) {
        java.util.Map<ThreadId, Set<MemberId>> out = new java.util.HashMap<>();
        List<Long> ids = threads.stream().map(ThreadId::value).distinct().toList();
        if (kinds.isEmpty() || ids.isEmpty()) {
            return out;
        }
        String kindList = kinds.stream().map(k -> "'" + k.name() + "'").sorted().collect(Collectors.joining(", "));
        String array = db.dialect() == Dialect.POSTGRES ? "BIGINT[]" : "BIGINT ARRAY";
        // the threads as one array joined by equality (task newsread): one range of ix_alerts_thread_unread per thread,
        // (thread, unread) - with "thread_id IN (...)" H2 used the index on thread_id alone, every alert the thread ever
        // had; one statement text whatever the number of threads, so Jdbi parses it once
        db.use(h -> h.createQuery("SELECT DISTINCT a.thread_id, a.recipient_id FROM UNNEST(CAST(:threads AS " + array + "))"
                        + " AS ids (t) JOIN alerts a ON a.thread_id = ids.t JOIN posts p ON p.id = a.post_id"
                        + " LEFT JOIN read_states r ON r.member_id = a.recipient_id AND r.thread_id = a.thread_id"
                        + " WHERE a.is_read = FALSE AND a.kind IN (" + kindList + ")"
                        + " AND p.deleted_at IS NULL AND p.number > COALESCE(r.last_read, 0)")
                .bindArray("threads", Long.class, ids)
                .map((rs, ctx) -> java.util.Map.entry(ThreadId.of(rs.getLong(1)), MemberId.of(rs.getLong(2))))
                .forEach(e -> out.computeIfAbsent(e.getKey(), t -> new HashSet<>()).add(e.getValue())));
        return out;
    }

    @Override
    public List<Alert> bySources(long after, long upTo) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM alerts WHERE source_position > :after"
                        + " AND source_position <= :upTo ORDER BY id")
                .bind("after", after).bind("upTo", upTo).map(MAPPER).list());
    }

    @Override
    public List<Alert> bySource(long sourcePosition) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM alerts WHERE source_position = :p ORDER BY id")
                .bind("p", sourcePosition).map(MAPPER).list());
    }
}
