package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.thread.ThreadPlace;
import dev.forumkit.core.thread.Threads;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import static dev.forumkit.persistence.jdbi.Column.bigint;
import static dev.forumkit.persistence.jdbi.Column.derived;
import static dev.forumkit.persistence.jdbi.Column.bool;
import static dev.forumkit.persistence.jdbi.Column.integer;
import static dev.forumkit.persistence.jdbi.Column.text;
import static dev.forumkit.persistence.jdbi.Column.time;

final class JdbiThreads implements Threads {
    /** The threads table, in the order {@link #MAPPER} reads it; the bulk loader writes the same list. */
    static final Table<ForumThread> TABLE = Table.<ForumThread>named("threads")
            .column(bigint("id", t -> t.id().value()))
            .column(bigint("board_id", t -> t.boardId().value()))
            .column(text("title", ForumThread::title))
            .column(bigint("starter_id", t -> t.starterId().value()))
            .column(time("created_at", ForumThread::createdAt))
            .column(bool("pinned", ForumThread::pinned))
            .column(bool("locked", ForumThread::locked))
            .columns(Column.deletion(ForumThread::deletion))
            .column(integer("post_counter", ForumThread::postCounter))
            .column(integer("reply_count", ForumThread::replyCount))
            .column(bigint("view_count", ForumThread::viewCount))
            .columns(Column.lastPost(ForumThread::lastPost))
            .column(derived(time("activity_at", ForumThread::lastActivityAt)))
            .build();
    private static final String SELECT = "SELECT " + TABLE.select() + " FROM threads";
    private static final String BY_ID_PLAIN = SELECT + " WHERE id = ?";
    private static final String BY_ID_FOR_UPDATE_PLAIN = BY_ID_PLAIN + " FOR UPDATE";
    /** Board pages and What's new share this order; the indexes ix_threads_board_page and ix_threads_activity serve it. */
    private static final String BY_ACTIVITY = " ORDER BY activity_at DESC, id DESC";

    // by column position (the order of TABLE), not by name: a name lookup per column per row showed in profiles
    static final RowMapper<ForumThread> MAPPER = (rs, ctx) -> {
        Instant deletedAt = Rows.instant(rs, 9);
        Deletion deletion = deletedAt == null ? null : new Deletion(MemberId.of(rs.getLong(8)), deletedAt, rs.getString(10));
        Long lastPostId = Rows.nullableLong(rs, 14);
        LastPost last = lastPostId == null ? null : new LastPost(PostId.of(lastPostId), ThreadId.of(rs.getLong(15)),
                rs.getInt(16), MemberId.of(rs.getLong(17)), Rows.instant(rs, 18));
        return new ForumThread(ThreadId.of(rs.getLong(1)), BoardId.of(rs.getLong(2)), rs.getString(3),
                MemberId.of(rs.getLong(4)), Rows.instant(rs, 5), rs.getBoolean(6), rs.getBoolean(7), deletion,
                rs.getInt(11), rs.getInt(12), rs.getLong(13), last);
    };

    /** Thread, board and category in one row (a thread page's header): the thread's columns first, as {@link #MAPPER} reads them. */
    static final String WITH_PLACE = "SELECT " + TABLE.select("t") + ", " + JdbiBoards.TABLE.select("b") + ", "
            + JdbiCategories.TABLE.select("c") + " FROM threads t JOIN boards b ON b.id = t.board_id"
            + " JOIN categories c ON c.id = b.category_id WHERE t.id = ?";
    private static final int BOARD_AT = TABLE.selected() + 1;
    private static final int CATEGORY_AT = BOARD_AT + JdbiBoards.TABLE.selected();
    static final RowMapper<ThreadPlace> PLACE_MAPPER = (rs, ctx) -> new ThreadPlace(MAPPER.map(rs, ctx),
            JdbiBoards.at(rs, BOARD_AT), JdbiCategories.at(rs, CATEGORY_AT));

    private final JdbiTransactions db;

    JdbiThreads(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public ForumThread add(ForumThread thread) {
        String sql = db.dialect().returning("INSERT INTO threads (board_id, title, starter_id, created_at, pinned, locked,"
                + " deleted_by, deleted_at, deletion_reason, activity_at) VALUES (:board, :title, :starter, :createdAt,"
                + " :pinned, :locked, :deletedBy, :deletedAt, :deletionReason, :createdAt)", "id");
        long id = db.with(h -> Rows.bindDeletion(h.createQuery(sql), thread.deletion())
                .bind("board", thread.boardId().value()).bind("title", thread.title())
                .bind("starter", thread.starterId().value()).bind("createdAt", Rows.ts(thread.createdAt()))
                .bind("pinned", thread.pinned()).bind("locked", thread.locked()).mapTo(Long.class).one());
        return new ForumThread(ThreadId.of(id), thread.boardId(), thread.title(), thread.starterId(), thread.createdAt(),
                thread.pinned(), thread.locked(), thread.deletion(), 0, 0, 0, null);
    }

    @Override
    public Optional<ForumThread> byId(ThreadId id) {
        return db.with(h -> h.createQuery(SELECT + " WHERE id = :id").bind("id", id.value()).map(MAPPER).findOne());
    }

    @Override
    public Optional<ThreadPlace> byIdWithPlace(ThreadId id) {
        // a thread page's read: plain JDBC on the transaction's connection (task pagejdbc)
        return db.plain(WITH_PLACE, s -> s.setLong(1, id.value()),
                rs -> rs.next() ? Optional.of(PLACE_MAPPER.map(rs, null)) : Optional.empty());
    }

    /**
     * The row lock is taken by {@code FOR UPDATE}, except on an H2 file database, where write transactions already run
     * one at a time (the write gate, {@link JdbiTransactions}): no other write transaction can change the row before
     * this one ends (a lock, a deletion, the post counter are all changed by commands, in write transactions; a write
     * outside any transaction, such as a view count, still waits for H2's row lock when it updates the row), so the
     * plain read gives the same guarantee. It is cheaper there: H2 never caches a
     * {@code FOR UPDATE} command and parses it on every call (docs/performance.md, task replyh2). The numbering does
     * not rest on it either way: {@link #addReply} moves the counter only from the value read here.
     */
    @Override
    public Optional<ForumThread> byIdForUpdate(ThreadId id) {
        // a reply's read: plain JDBC on the transaction's connection (task h2writer)
        return db.plain(db.oneWriterAtATime() ? BY_ID_PLAIN : BY_ID_FOR_UPDATE_PLAIN, s -> s.setLong(1, id.value()),
                rs -> rs.next() ? Optional.of(MAPPER.map(rs, null)) : Optional.empty());
    }

    @Override
    public Map<ThreadId, ForumThread> byIds(Collection<ThreadId> ids) {
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        List<Long> values = ids.stream().map(ThreadId::value).distinct().toList();
        return db.with(h -> {
            Map<ThreadId, ForumThread> out = new HashMap<>();
            h.createQuery(SELECT + " WHERE id IN (<ids>)").bindList("ids", values).map(MAPPER).forEach(t -> out.put(t.id(), t));
            return out;
        });
    }

    @Override
    public void update(ForumThread thread) {
        int n = db.with(h -> Rows.bindDeletion(h.createUpdate("UPDATE threads SET board_id = :board, title = :title,"
                        + " pinned = :pinned, locked = :locked, deleted_by = :deletedBy, deleted_at = :deletedAt,"
                        + " deletion_reason = :deletionReason WHERE id = :id"), thread.deletion())
                .bind("board", thread.boardId().value()).bind("title", thread.title()).bind("pinned", thread.pinned())
                .bind("locked", thread.locked()).bind("id", thread.id().value()).execute());
        found(n, thread.id());
    }

    @Override
    public int allocatePostNumber(ThreadId id) {
        String sql = db.dialect().returning("UPDATE threads SET post_counter = post_counter + 1 WHERE id = :id", "post_counter");
        return db.with(h -> h.createQuery(sql).bind("id", id.value()).mapTo(Integer.class).findOne())
                .orElseThrow(() -> new NotFoundException("no thread " + id));
    }

    @Override
    public void addReply(ThreadId id, LastPost reply) {
        java.util.function.IntConsumer check = n -> {
            if (n == 0) {
                throw new IllegalStateException("thread " + id + " is gone or its post counter is not " + (reply.number() - 1));
            }
        };
        // held back on PostgreSQL, a plain JDBC statement on H2 (task h2writer)
        db.write("UPDATE threads SET post_counter = ?, reply_count = reply_count + 1, " + Rows.SET_LAST_POST_ARGS
                        + ", activity_at = ? WHERE id = ? AND post_counter = ?", check,
                withNumber(reply, Rows.lastPostArgs(reply, reply.at().atOffset(java.time.ZoneOffset.UTC), id.value(),
                        reply.number() - 1)));
    }

    /** The reply's number first, then the rest: the arguments of {@link #addReply}'s held-back statement. */
    private static Object[] withNumber(LastPost reply, Object[] rest) {
        Object[] args = new Object[rest.length + 1];
        args[0] = reply.number();
        System.arraycopy(rest, 0, args, 1, rest.length);
        return args;
    }

    @Override
    public void addReplies(ThreadId id, int delta) {
        if (db.defers()) {
            db.later("UPDATE threads SET reply_count = reply_count + ? WHERE id = ?", n -> found(n, id), delta, id.value());
            return;
        }
        int n = db.with(h -> h.createUpdate("UPDATE threads SET reply_count = reply_count + :delta WHERE id = :id")
                .bind("delta", delta).bind("id", id.value()).execute());
        found(n, id);
    }

    @Override
    public void setLastPost(ThreadId id, LastPost lastPost) {
        if (db.defers()) {
            Object at = lastPost == null ? null : lastPost.at().atOffset(java.time.ZoneOffset.UTC);
            db.later("UPDATE threads SET " + Rows.SET_LAST_POST_ARGS + ", activity_at = COALESCE(CAST(? AS TIMESTAMPTZ),"
                    + " created_at) WHERE id = ?", n -> found(n, id), Rows.lastPostArgs(lastPost, at, id.value()));
            return;
        }
        int n = db.with(h -> Rows.bindLastPost(h.createUpdate("UPDATE threads SET " + Rows.SET_LAST_POST
                + ", activity_at = COALESCE(:lpAt, created_at) WHERE id = :id"), lastPost).bind("id", id.value()).execute());
        found(n, id);
    }

    @Override
    public void addViews(Map<ThreadId, Long> views) {
        if (views.isEmpty()) {
            return;
        }
        Map<Long, Long> ordered = new TreeMap<>(); // in id order, so two flushes lock rows alike
        views.forEach((id, n) -> ordered.merge(id.value(), n, Long::sum));
        db.use(h -> {
            PreparedBatch batch = h.prepareBatch("UPDATE threads SET view_count = view_count + :n WHERE id = :id");
            ordered.forEach((id, n) -> batch.bind("n", n).bind("id", id).add());
            batch.execute(); // views of a thread that is gone are dropped
        });
    }

    @Override
    public void setCounters(ThreadId id, int replyCount, LastPost lastPost) {
        int n = db.with(h -> Rows.bindLastPost(h.createUpdate("UPDATE threads SET reply_count = :replies, " + Rows.SET_LAST_POST
                        + ", activity_at = COALESCE(:lpAt, created_at) WHERE id = :id"), lastPost)
                .bind("replies", replyCount).bind("id", id.value()).execute());
        found(n, id);
    }

    @Override
    public List<ForumThread> pageInBoard(BoardId boardId, boolean includeDeleted, int offset, int limit) {
        return db.with(h -> h.createQuery(SELECT + " WHERE board_id = :board" + visible(includeDeleted)
                        // board_id leads the ORDER BY so that H2, like PostgreSQL, reads ix_threads_board_page in order
                        + " ORDER BY board_id, pinned DESC, activity_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("board", boardId.value()).bind("limit", limit).bind("offset", offset).map(MAPPER).list());
    }

    @Override
    public int countInBoard(BoardId boardId, boolean includeDeleted) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM threads WHERE board_id = :board" + visible(includeDeleted))
                .bind("board", boardId.value()).mapTo(Integer.class).one());
    }

    @Override
    public List<ForumThread> latest(boolean includeDeleted, int offset, int limit) {
        String where = includeDeleted ? "" : " WHERE deleted_at IS NULL";
        return db.with(h -> h.createQuery(SELECT + where + BY_ACTIVITY + " LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset).map(MAPPER).list());
    }

    @Override
    public List<ForumThread> latestExcluding(java.util.Set<BoardId> excluded, boolean includeDeleted, int offset, int limit) {
        if (excluded.isEmpty()) {
            return latest(includeDeleted, offset, limit);
        }
        String where = " WHERE board_id NOT IN (<boards>)" + (includeDeleted ? "" : " AND deleted_at IS NULL");
        return db.with(h -> h.createQuery(SELECT + where + BY_ACTIVITY + " LIMIT :limit OFFSET :offset")
                .bindList("boards", excluded.stream().map(BoardId::value).toList())
                .bind("limit", limit).bind("offset", offset).map(MAPPER).list());
    }

    @Override
    public List<ForumThread> newestExcluding(java.util.Set<BoardId> excluded, int limit) {
        // ids grow with creation: the primary key serves the order, no index of its own needed
        String where = " WHERE deleted_at IS NULL" + (excluded.isEmpty() ? "" : " AND board_id NOT IN (<boards>)");
        return db.with(h -> {
            var q = h.createQuery(SELECT + where + " ORDER BY id DESC LIMIT :limit").bind("limit", limit);
            if (!excluded.isEmpty()) {
                q.bindList("boards", excluded.stream().map(BoardId::value).toList());
            }
            return q.map(MAPPER).list();
        });
    }

    @Override
    public int countAll(boolean includeDeleted) {
        // visible threads: a scan of the threads table (not of posts); see docs/benchmarks.md for its cost
        String where = includeDeleted ? "" : " WHERE deleted_at IS NULL";
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM threads" + where).mapTo(Integer.class).one());
    }

    @Override
    public Optional<ForumThread> latestVisibleInBoard(BoardId boardId) {
        return db.with(h -> h.createQuery(SELECT + " WHERE board_id = :board AND deleted_at IS NULL AND last_post_id IS NOT NULL"
                        + " ORDER BY board_id, last_post_id DESC LIMIT 1") // newest by id, as LastPost.isNewerThan
                .bind("board", boardId.value()).map(MAPPER).findOne());
    }

    @Override
    public void forEach(Consumer<ForumThread> action) {
        db.stream(h -> h.createQuery(SELECT + " ORDER BY id").setFetchSize(1000).map(MAPPER).forEach(action));
    }

    private static String visible(boolean includeDeleted) {
        return includeDeleted ? "" : " AND deleted_at IS NULL";
    }

    private static void found(int rows, ThreadId id) {
        if (rows == 0) {
            throw new NotFoundException("no thread " + id);
        }
    }
}
