package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.approval.HeldPost;
import dev.forumkit.core.approval.HeldPostId;
import dev.forumkit.core.approval.HeldPosts;
import dev.forumkit.core.approval.HeldStatus;
import dev.forumkit.core.approval.HoldEvidence;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

final class JdbiHeldPosts implements HeldPosts {
    static final String COLUMNS = "id, board_id, thread_id, title, author_id, body, held_at, reasons, status,"
            + " decided_by, decided_at, rejection, post_id";
    static final RowMapper<HeldPost> MAPPER = (rs, ctx) -> {
        Long thread = Rows.nullableLong(rs, 3);
        Long post = Rows.nullableLong(rs, 13);
        return new HeldPost(HeldPostId.of(rs.getLong(1)), BoardId.of(rs.getLong(2)), thread == null ? null : ThreadId.of(thread),
                rs.getString(4), MemberId.of(rs.getLong(5)), rs.getString(6), Rows.instant(rs, 7),
                Arrays.asList(rs.getString(8).split("\n")), HeldStatus.valueOf(rs.getString(9)), Rows.memberId(rs, 10),
                Rows.instant(rs, 11), rs.getString(12), post == null ? null : PostId.of(post));
    };

    static final String PENDING_IN_THREAD = "SELECT " + COLUMNS + " FROM held_posts WHERE thread_id = ? AND status = 'PENDING'"
            + " ORDER BY held_at, id";
    static final String PENDING_IN_THREAD_BY = "SELECT " + COLUMNS + " FROM held_posts WHERE thread_id = ?"
            + " AND status = 'PENDING' AND author_id = ? ORDER BY held_at, id";

    private final JdbiTransactions db;
    private final JdbiPosts posts;
    private final String insert;

    JdbiHeldPosts(JdbiTransactions db, JdbiPosts posts) {
        this.db = db;
        this.posts = posts;
        this.insert = db.dialect().returning("INSERT INTO held_posts (board_id, thread_id, title, author_id, body, held_at,"
                + " reasons, status) VALUES (:board, :thread, :title, :author, :body, :at, :reasons, :status)", "id");
    }

    @Override
    public HeldPost add(HeldPost h) {
        long id = db.with(x -> x.createQuery(insert).bind("board", h.board().value())
                .bind("thread", h.thread() == null ? null : h.thread().value()).bind("title", h.title())
                .bind("author", h.author().value()).bind("body", h.body()).bind("at", Rows.ts(h.heldAt()))
                .bind("reasons", String.join("\n", h.reasons())).bind("status", h.status().name())
                .mapTo(Long.class).one());
        return h.withId(HeldPostId.of(id));
    }

    @Override
    public Optional<HeldPost> byId(HeldPostId id) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM held_posts WHERE id = :id")
                .bind("id", id.value()).map(MAPPER).findOne());
    }

    @Override
    public boolean decide(HeldPost d) {
        // the WHERE on status makes the second of two concurrent decisions change nothing (it waits for the row lock)
        return db.with(h -> h.createUpdate("UPDATE held_posts SET status = :status, decided_by = :by, decided_at = :at,"
                        + " rejection = :rejection, post_id = :post WHERE id = :id AND status = 'PENDING'")
                .bind("status", d.status().name()).bind("by", d.decidedBy().value()).bind("at", Rows.ts(d.decidedAt()))
                .bind("rejection", d.rejection()).bind("post", d.post() == null ? null : d.post().value())
                .bind("id", d.id().value()).execute()) == 1;
    }

    @Override
    public List<HeldPost> pending(Collection<BoardId> boards, int offset, int limit) {
        if (boards.isEmpty()) {
            return List.of();
        }
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM held_posts WHERE status = 'PENDING'"
                        + " AND board_id IN (<boards>) ORDER BY held_at, id LIMIT :limit OFFSET :offset")
                .bindList("boards", ids(boards)).bind("limit", limit).bind("offset", offset).map(MAPPER).list());
    }

    @Override
    public int countPending(Collection<BoardId> boards) {
        if (boards.isEmpty()) {
            return 0;
        }
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM held_posts WHERE status = 'PENDING' AND board_id IN (<boards>)")
                .bindList("boards", ids(boards)).mapTo(Integer.class).one());
    }

    @Override
    public List<HeldPost> pendingInThread(ThreadId thread, MemberId author) {
        // a signed-in thread page's read: plain JDBC (task signedplain)
        return db.plain(author == null ? PENDING_IN_THREAD : PENDING_IN_THREAD_BY, s -> {
            s.setLong(1, thread.value());
            if (author != null) {
                s.setLong(2, author.value());
            }
        }, rs -> {
            List<HeldPost> out = new ArrayList<>();
            while (rs.next()) {
                out.add(MAPPER.map(rs, null));
            }
            return out;
        });
    }

    // the author leads the ORDER BY so H2 reads ix_held_posts_author in order and stops at the limit (see JdbiPosts)
    private static final String BY_AUTHOR = "SELECT " + COLUMNS + " FROM held_posts WHERE author_id = :author"
            + " ORDER BY author_id, held_at DESC, id DESC LIMIT :limit";
    private static final String MODERATED_BOARDS = "SELECT board_id FROM moderated_boards";
    private static final String BY_AUTHOR_PLAIN = BY_AUTHOR.replace(":author", "?").replace(":limit", "?");
    /**
     * The hold evidence's three reads as one PostgreSQL round trip: the statements sent together, their result sets
     * back in order (the driver sends them as one message). The author's recent posts run with the cached generic plan
     * ({@code plan_cache_mode} set for that statement alone, local to the transaction, and set back): for a prolific
     * author the custom plan is estimated cheaper than the generic one (LIMIT of thousands of rows, against an
     * average author's hundred), so once {@code posts} had been analysed with such authors PostgreSQL planned the
     * statement on every call, about 210 us per reply (docs/performance.md, task pgreply2); both plans read the
     * author's index in order and stop after the limit.
     */
    private static final String EVIDENCE = MODERATED_BOARDS + ";\n"
            + "SELECT set_config('plan_cache_mode', 'force_generic_plan', true);\n"
            + JdbiPosts.RECENT_VISIBLE_BY_AUTHOR.replace(":author", "?").replace(":limit", "?") + ";\n"
            + "SELECT set_config('plan_cache_mode', 'auto', true);\n"
            + BY_AUTHOR.replace(":author", "?").replace(":limit", "?");

    @Override
    public List<HeldPost> byAuthor(MemberId author, int limit) {
        // the hold rules' read on every post: plain JDBC (task h2writer)
        return db.plain(BY_AUTHOR_PLAIN, s -> {
            s.setLong(1, author.value());
            s.setInt(2, limit);
        }, rs -> {
            List<HeldPost> out = new ArrayList<>();
            while (rs.next()) {
                out.add(MAPPER.map(rs, null));
            }
            return out;
        });
    }

    @Override
    public Set<BoardId> moderatedBoards() {
        return db.plain(MODERATED_BOARDS, s -> { }, rs -> {
            Set<BoardId> out = new HashSet<>();
            while (rs.next()) {
                out.add(BoardId.of(rs.getLong(1)));
            }
            return java.util.Collections.unmodifiableSet(out);
        });
    }

    /**
     * {@code ForumStorage.holdEvidence} on PostgreSQL: the moderated boards, the author's newest visible posts and
     * held posts in one round trip (three before: a reply's first reads, each waited for by the replying thread).
     * H2 runs in this process and answers the three calls as they are.
     */
    HoldEvidence evidence(MemberId author, int limit) {
        if (db.dialect() != Dialect.POSTGRES) {
            return new HoldEvidence(moderatedBoards(), posts.recentVisibleByAuthor(author, limit), byAuthor(author, limit));
        }
        return db.with(h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(EVIDENCE)) {
                ps.setLong(1, author.value());
                ps.setInt(2, limit);
                ps.setLong(3, author.value());
                ps.setInt(4, limit);
                ps.execute();
                Set<BoardId> moderated = new HashSet<>();
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        moderated.add(BoardId.of(rs.getLong(1)));
                    }
                }
                List<Post> recent = new ArrayList<>();
                ps.getMoreResults(); // set_config: the author's recent posts with the cached generic plan (below)
                ps.getMoreResults();
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        recent.add(JdbiPosts.MAPPER.map(rs, null));
                    }
                }
                List<HeldPost> held = new ArrayList<>();
                ps.getMoreResults(); // set_config back
                ps.getMoreResults();
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        held.add(MAPPER.map(rs, null));
                    }
                }
                return new HoldEvidence(moderated, recent, held);
            } catch (SQLException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public void setModerated(BoardId board, boolean moderated) {
        db.use(h -> {
            h.createUpdate("DELETE FROM moderated_boards WHERE board_id = :board").bind("board", board.value()).execute();
            if (moderated) {
                h.createUpdate("INSERT INTO moderated_boards (board_id) VALUES (:board)").bind("board", board.value()).execute();
            }
        });
    }

    private static List<Long> ids(Collection<BoardId> boards) {
        return boards.stream().map(BoardId::value).toList();
    }
}
