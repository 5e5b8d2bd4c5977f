package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.Boards;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.post.LastPost;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.forumkit.persistence.jdbi.Column.bigint;
import static dev.forumkit.persistence.jdbi.Column.integer;
import static dev.forumkit.persistence.jdbi.Column.text;

final class JdbiBoards implements Boards {
    /** The boards table; the bulk loader writes the same list. */
    static final Table<Board> TABLE = Table.<Board>named("boards")
            .column(bigint("id", b -> b.id().value()))
            .column(bigint("category_id", b -> b.categoryId().value()))
            .column(text("title", Board::title))
            .column(text("slug", Board::slug))
            .column(text("description", Board::description))
            .column(text("guest_notice", Board::guestNotice))
            .column(integer("display_order", Board::displayOrder))
            .column(integer("thread_count", Board::threadCount))
            .column(bigint("post_count", Board::postCount))
            .columns(Column.lastPost(Board::lastPost))
            .build();
    private static final String COLUMNS = TABLE.select();
    static final String ALL = "SELECT " + COLUMNS + " FROM boards ORDER BY display_order, id";

    static final RowMapper<Board> MAPPER = (rs, ctx) -> new Board(BoardId.of(rs.getLong("id")),
            CategoryId.of(rs.getLong("category_id")), rs.getString("title"), rs.getString("slug"),
            rs.getString("description"), rs.getString("guest_notice"), rs.getInt("display_order"),
            rs.getInt("thread_count"), rs.getLong("post_count"), Rows.lastPost(rs));

    /** A board's columns from position {@code first} on, in {@link #TABLE}'s order (a joined row, by position). */
    static Board at(ResultSet rs, int first) throws SQLException {
        return new Board(BoardId.of(rs.getLong(first)), CategoryId.of(rs.getLong(first + 1)), rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getInt(first + 6),
                rs.getInt(first + 7), rs.getLong(first + 8), Rows.lastPost(rs, first + 9));
    }

    private final JdbiTransactions db;

    JdbiBoards(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Board add(Board board) {
        String sql = db.dialect().returning("INSERT INTO boards (category_id, title, slug, description, guest_notice,"
                + " display_order) VALUES (:category, :title, :slug, :description, :guestNotice, :order)", "id");
        long id = db.with(h -> h.createQuery(sql).bind("category", board.categoryId().value()).bind("title", board.title())
                .bind("slug", board.slug()).bind("description", board.description()).bind("guestNotice", board.guestNotice())
                .bind("order", board.displayOrder()).mapTo(Long.class).one());
        return board.withId(BoardId.of(id)).withCounters(0, 0, null);
    }

    @Override
    public Optional<Board> byId(BoardId id) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM boards WHERE id = :id")
                .bind("id", id.value()).map(MAPPER).findOne());
    }

    @Override
    public List<Board> all() {
        // the board list of many pages (the index, a staff member's move menu): plain JDBC, read by position (task
        // signedplain)
        return db.plain(ALL, s -> { }, rs -> {
            List<Board> out = new ArrayList<>();
            while (rs.next()) {
                out.add(at(rs, 1));
            }
            return out;
        });
    }

    @Override
    public void update(Board board) {
        int n = db.with(h -> h.createUpdate("UPDATE boards SET category_id = :category, title = :title, slug = :slug,"
                        + " description = :description, guest_notice = :guestNotice, display_order = :order WHERE id = :id")
                .bind("category", board.categoryId().value()).bind("title", board.title()).bind("slug", board.slug())
                .bind("description", board.description()).bind("guestNotice", board.guestNotice())
                .bind("order", board.displayOrder()).bind("id", board.id().value()).execute());
        found(n, board.id());
    }

    @Override
    public void addCounters(BoardId id, int threadDelta, long postDelta) {
        if (db.defers()) {
            db.later("UPDATE boards SET thread_count = thread_count + ?, post_count = post_count + ? WHERE id = ?",
                    n -> found(n, id), threadDelta, postDelta, id.value());
            return;
        }
        int n = db.with(h -> h.createUpdate("UPDATE boards SET thread_count = thread_count + :threads,"
                        + " post_count = post_count + :posts WHERE id = :id")
                .bind("threads", threadDelta).bind("posts", postDelta).bind("id", id.value()).execute());
        found(n, id);
    }

    @Override
    public void addPost(BoardId id, int threadDelta, LastPost post) {
        // one statement: the counters, and the last post's comparison and write under the row lock the UPDATE takes
        // (every right-hand side sees the row as it was, so each column compares the same stored last_post_id)
        // held back on PostgreSQL, a plain JDBC statement on H2 (task h2writer)
        Object[] last = Rows.lastPostArgs(post);
        Object[] args = new Object[12];
        args[0] = threadDelta;
        for (int i = 0; i < 5; i++) {
            args[1 + 2 * i] = post.postId().value();
            args[2 + 2 * i] = last[i];
        }
        args[11] = id.value();
        db.write(ADD_POST, n -> found(n, id), args);
    }

    private static final String ADD_POST = "UPDATE boards SET thread_count = thread_count + ?, post_count = post_count + 1, "
            + offered("?", "?", "?", "?", "?", "?") + " WHERE id = ?";

    /** The last-post columns set to the given values when {@code candidateId} is newer than the stored post, else kept. */
    private static String offered(String candidateId, String postId, String thread, String number, String author, String at) {
        String newer = "CASE WHEN last_post_id IS NULL OR last_post_id < " + candidateId + " THEN ";
        return "last_post_id = " + newer + postId + " ELSE last_post_id END, last_post_thread_id = " + newer
                + thread + " ELSE last_post_thread_id END, last_post_number = " + newer + number
                + " ELSE last_post_number END, last_post_author_id = " + newer + author + " ELSE last_post_author_id END,"
                + " last_post_at = " + newer + at + " ELSE last_post_at END";
    }

    @Override
    public void offerLastPost(BoardId id, LastPost candidate) {
        // one statement: the comparison and the write happen under the row lock the UPDATE takes
        if (db.defers()) {
            db.later("UPDATE boards SET " + Rows.SET_LAST_POST_ARGS + " WHERE id = ? AND (last_post_id IS NULL OR last_post_id < ?)",
                    n -> existsIfUnchanged(n, id), Rows.lastPostArgs(candidate, id.value(), candidate == null ? null : candidate.postId().value()));
            return;
        }
        existsIfUnchanged(db.with(h -> Rows.bindLastPost(h.createUpdate("UPDATE boards SET " + Rows.SET_LAST_POST
                        + " WHERE id = :id AND (last_post_id IS NULL OR last_post_id < :lpId)"), candidate)
                .bind("id", id.value()).execute()), id);
    }

    /** An offer that changed nothing: the board has a later post, or there is no such board (an error). */
    private void existsIfUnchanged(int n, BoardId id) {
        if (n == 0) {
            db.with(h -> h.createQuery("SELECT id FROM boards WHERE id = :id").bind("id", id.value()).mapTo(Long.class)
                    .findOne()).orElseThrow(() -> new NotFoundException("no board " + id));
        }
    }

    @Override
    public void setLastPost(BoardId id, LastPost lastPost) {
        int n = db.with(h -> Rows.bindLastPost(h.createUpdate("UPDATE boards SET " + Rows.SET_LAST_POST + " WHERE id = :id"),
                lastPost).bind("id", id.value()).execute());
        found(n, id);
    }

    @Override
    public void setCounters(BoardId id, int threadCount, long postCount, LastPost lastPost) {
        int n = db.with(h -> Rows.bindLastPost(h.createUpdate("UPDATE boards SET thread_count = :threads, post_count = :posts, "
                        + Rows.SET_LAST_POST + " WHERE id = :id"), lastPost)
                .bind("threads", threadCount).bind("posts", postCount).bind("id", id.value()).execute());
        found(n, id);
    }

    private static void found(int rows, BoardId id) {
        if (rows == 0) {
            throw new NotFoundException("no board " + id);
        }
    }
}
