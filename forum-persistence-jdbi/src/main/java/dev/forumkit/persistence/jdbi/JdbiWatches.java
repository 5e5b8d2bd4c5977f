package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.watch.BoardWatch;
import dev.forumkit.core.watch.ThreadWatch;
import dev.forumkit.core.watch.Watches;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

final class JdbiWatches implements Watches {
    private static final String THREAD_COLUMNS = "member_id, thread_id, email, created_at";
    private static final String BOARD_COLUMNS = "member_id, board_id, every_post, email, created_at";
    private static final RowMapper<ThreadWatch> THREAD = (rs, ctx) -> new ThreadWatch(MemberId.of(rs.getLong(1)),
            ThreadId.of(rs.getLong(2)), rs.getBoolean(3), Rows.instant(rs, 4));
    private static final RowMapper<BoardWatch> BOARD = (rs, ctx) -> new BoardWatch(MemberId.of(rs.getLong(1)),
            BoardId.of(rs.getLong(2)), rs.getBoolean(3), rs.getBoolean(4), Rows.instant(rs, 5));

    static final String THREAD_OF = "SELECT " + THREAD_COLUMNS + " FROM thread_watches WHERE member_id = ? AND thread_id = ?";

    private final JdbiTransactions db;
    private final String putThread;
    private final String putBoard;

    JdbiWatches(JdbiTransactions db) {
        this.db = db;
        this.putThread = Upserts.sql(db.dialect(), "thread_watches", List.of("member_id", "thread_id"), List.of("email", "created_at"));
        this.putBoard = Upserts.sql(db.dialect(), "board_watches", List.of("member_id", "board_id"),
                List.of("every_post", "email", "created_at"));
    }

    @Override
    public void putThread(ThreadWatch w) {
        db.use(h -> h.createUpdate(putThread).bind("member_id", w.member().value()).bind("thread_id", w.thread().value())
                .bind("email", w.email()).bind("created_at", Rows.ts(w.since())).execute());
    }

    @Override
    public void addThreads(java.util.Collection<ThreadWatch> watches) {
        if (watches.isEmpty()) {
            return;
        }
        // one batch; H2 has no ON CONFLICT: an insert of what is not stored (the primary key stops a concurrent twin)
        String sql = db.dialect() == Dialect.POSTGRES
                ? "INSERT INTO thread_watches (" + THREAD_COLUMNS + ") VALUES (:member, :thread, :email, :since)"
                        + " ON CONFLICT (member_id, thread_id) DO NOTHING"
                : "INSERT INTO thread_watches (" + THREAD_COLUMNS + ") SELECT CAST(:member AS BIGINT), CAST(:thread AS BIGINT),"
                        + " CAST(:email AS BOOLEAN), CAST(:since AS TIMESTAMP(6) WITH TIME ZONE) WHERE NOT EXISTS"
                        + " (SELECT 1 FROM thread_watches WHERE member_id = :member AND thread_id = :thread)";
        db.use(h -> {
            org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch(sql);
            for (ThreadWatch w : watches) {
                batch.bind("member", w.member().value()).bind("thread", w.thread().value()).bind("email", w.email())
                        .bind("since", Rows.ts(w.since())).add();
            }
            batch.execute();
        });
    }

    @Override
    public boolean removeThread(MemberId member, ThreadId thread) {
        return db.with(h -> h.createUpdate("DELETE FROM thread_watches WHERE member_id = :member AND thread_id = :thread")
                .bind("member", member.value()).bind("thread", thread.value()).execute()) > 0;
    }

    @Override
    public Optional<ThreadWatch> thread(MemberId member, ThreadId thread) {
        // a signed-in thread page's read: plain JDBC (task signedplain)
        return db.plain(THREAD_OF, s -> {
            s.setLong(1, member.value());
            s.setLong(2, thread.value());
        }, rs -> rs.next() ? Optional.of(THREAD.map(rs, null)) : Optional.empty());
    }

    @Override
    public List<ThreadWatch> watchersOfThread(ThreadId thread) {
        return db.with(h -> h.createQuery("SELECT " + THREAD_COLUMNS + " FROM thread_watches WHERE thread_id = :thread")
                .bind("thread", thread.value()).map(THREAD).list());
    }

    @Override
    public List<ThreadWatch> watchersOfThreads(java.util.Collection<ThreadId> threads) {
        List<Long> ids = threads.stream().map(ThreadId::value).distinct().toList();
        List<ThreadWatch> out = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) { // bounded IN lists
            List<Long> chunk = ids.subList(from, Math.min(from + 500, ids.size()));
            db.use(h -> h.createQuery("SELECT " + THREAD_COLUMNS + " FROM thread_watches WHERE thread_id IN (<threads>)"
                    + " ORDER BY thread_id, member_id").bindList("threads", chunk).map(THREAD).forEach(out::add));
        }
        return out;
    }

    @Override
    public List<ThreadWatch> threadsOf(MemberId member, int offset, int limit) {
        return db.with(h -> h.createQuery("SELECT " + THREAD_COLUMNS + " FROM thread_watches WHERE member_id = :member"
                        + " ORDER BY created_at DESC, thread_id DESC LIMIT :limit OFFSET :offset")
                .bind("member", member.value()).bind("limit", limit).bind("offset", offset).map(THREAD).list());
    }

    @Override
    public long countThreadsOf(MemberId member) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM thread_watches WHERE member_id = :member")
                .bind("member", member.value()).mapTo(Long.class).one());
    }

    @Override
    public void putBoard(BoardWatch w) {
        db.use(h -> h.createUpdate(putBoard).bind("member_id", w.member().value()).bind("board_id", w.board().value())
                .bind("every_post", w.everyPost()).bind("email", w.email()).bind("created_at", Rows.ts(w.since())).execute());
    }

    @Override
    public boolean removeBoard(MemberId member, BoardId board) {
        return db.with(h -> h.createUpdate("DELETE FROM board_watches WHERE member_id = :member AND board_id = :board")
                .bind("member", member.value()).bind("board", board.value()).execute()) > 0;
    }

    @Override
    public Optional<BoardWatch> board(MemberId member, BoardId board) {
        return db.with(h -> h.createQuery("SELECT " + BOARD_COLUMNS + " FROM board_watches WHERE member_id = :member"
                        + " AND board_id = :board").bind("member", member.value()).bind("board", board.value())
                .map(BOARD).findOne());
    }

    @Override
    public List<BoardWatch> watchersOfBoard(BoardId board) {
        return db.with(h -> h.createQuery("SELECT " + BOARD_COLUMNS + " FROM board_watches WHERE board_id = :board")
                .bind("board", board.value()).map(BOARD).list());
    }

    @Override
    public List<BoardWatch> boardsOf(MemberId member, int offset, int limit) {
        return db.with(h -> h.createQuery("SELECT " + BOARD_COLUMNS + " FROM board_watches WHERE member_id = :member"
                        + " ORDER BY created_at DESC, board_id DESC LIMIT :limit OFFSET :offset")
                .bind("member", member.value()).bind("limit", limit).bind("offset", offset).map(BOARD).list());
    }

    @Override
    public long countBoardsOf(MemberId member) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM board_watches WHERE member_id = :member")
                .bind("member", member.value()).mapTo(Long.class).one());
    }
}
