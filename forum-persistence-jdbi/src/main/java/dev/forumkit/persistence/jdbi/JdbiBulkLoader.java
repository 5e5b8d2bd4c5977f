package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.core.thread.Deletion;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.thread.ThreadId;
import org.jdbi.v3.core.Handle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Loads many rows fast, for imports and the benchmark data generator: JDBC batch inserts on one connection,
 * ids handed out by the loader, a commit every few thousand rows, the random-order secondary indexes built
 * once at the end, and the counters (post numbers, replies, last posts, board and member counters) recomputed
 * by set-based SQL when the load finishes.
 *
 * <p>Run it on a database nobody else writes to meanwhile: ids are taken from the current maxima, and a load
 * that fails half-way leaves the rows committed so far. Counters are only right after {@link #finish()}.
 *
 * <pre>{@code
 * try (JdbiBulkLoader load = JdbiBulkLoader.open(storage, ReactionTypes.defaults())) {
 *     Member m = load.member(Member.withoutId(...));
 *     ...
 *     load.finish();
 * }
 * }</pre>
 */
public final class JdbiBulkLoader implements AutoCloseable {
    private static final int BATCH = 1_000;
    /** Rows per commit: fewer, larger commits write far less to an H2 file than one per batch. */
    private static final int COMMIT = 20_000;
    // column types, for the NULLs of each batch
    private static final int ID = Types.BIGINT;
    private static final int TEXT = Types.VARCHAR;
    private static final int TIME = Types.TIMESTAMP_WITH_TIMEZONE;
    private static final int INT = Types.INTEGER;
    private static final int BOOL = Types.BOOLEAN;

    private final Handle handle;
    private final Connection c;
    private final ReactionTypes types;
    private final Batch members;
    private final Batch categories;
    private final Batch boards;
    private final Batch threads;
    private final Batch posts;
    private final Batch reactions;
    private final List<Batch> inOrder;
    private long memberIds;
    private long categoryIds;
    private long boardIds;
    private long threadIds;
    private long postIds;
    private long rows;
    private long uncommitted; // batches executed since the last commit
    private boolean finished;

    private JdbiBulkLoader(JdbiForumStorage storage, ReactionTypes types) throws SQLException {
        this.types = types;
        this.handle = storage.jdbi().open();
        this.c = handle.getConnection();
        c.setAutoCommit(false);
        DeferredIndexes.drop(c);
        c.commit();
        memberIds = max("members");
        categoryIds = max("categories");
        boardIds = max("boards");
        threadIds = max("threads");
        postIds = max("posts");
        members = new Batch(new int[] {ID, TEXT, TEXT, TEXT, TEXT, TEXT, TIME, TEXT, TEXT, TIME, TIME, ID},
                "INSERT INTO members (id, username, username_key, email, password_hash, custom_title, joined_at,"
                + " role, ban_reason, ban_since, ban_until, banned_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        categories = new Batch(new int[] {ID, TEXT, TEXT, INT},
                "INSERT INTO categories (id, title, description, display_order) VALUES (?, ?, ?, ?)");
        boards = new Batch(new int[] {ID, ID, TEXT, TEXT, TEXT, TEXT, INT},
                "INSERT INTO boards (id, category_id, title, slug, description, guest_notice, display_order)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
        threads = new Batch(new int[] {ID, ID, TEXT, ID, TIME, BOOL, BOOL, ID, TIME, TEXT, TIME},
                "INSERT INTO threads (id, board_id, title, starter_id, created_at, pinned, locked, deleted_by,"
                + " deleted_at, deletion_reason, activity_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        posts = new Batch(new int[] {ID, ID, INT, ID, TEXT, TIME, TIME, ID, INT, ID, TIME, TEXT, TEXT, TEXT},
                "INSERT INTO posts (id, thread_id, number, author_id, body, created_at, edited_at, edited_by,"
                + " edit_count, deleted_by, deleted_at, deletion_reason, html, render_version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        reactions = new Batch(new int[] {ID, ID, ID, TEXT, TIME},
                "INSERT INTO reactions (post_id, member_id, receiver_id, type, created_at) VALUES (?, ?, ?, ?, ?)");
        inOrder = List.of(members, categories, boards, threads, posts, reactions); // parents before children
    }

    /** A loader on the storage's database; reaction scores are computed with the given types' weights. */
    public static JdbiBulkLoader open(JdbiForumStorage storage, ReactionTypes types) {
        try {
            return new JdbiBulkLoader(storage, types);
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    public Member member(Member m) {
        Member stored = m.withId(MemberId.of(++memberIds)).withCounters(0, 0);
        add(members, stored.id().value(), m.username(), Member.usernameKey(m.username()), m.email(), m.passwordHash(),
                m.customTitle(), m.joinedAt(), m.role().name(), m.ban() == null ? null : m.ban().reason(),
                m.ban() == null ? null : m.ban().since(), m.ban() == null ? null : m.ban().until(),
                m.ban() == null ? null : m.ban().bannedBy().value());
        return stored;
    }

    public Category category(Category category) {
        Category stored = category.withId(CategoryId.of(++categoryIds));
        add(categories, stored.id().value(), category.title(), category.description(), category.displayOrder());
        return stored;
    }

    public Board board(Board board) {
        Board stored = board.withId(BoardId.of(++boardIds)).withCounters(0, 0, null);
        add(boards, stored.id().value(), board.categoryId().value(), board.title(), board.slug(), board.description(),
                board.guestNotice(), board.displayOrder());
        return stored;
    }

    /** A thread without posts yet; its counters are set by {@link #finish()}. */
    public ForumThread thread(ForumThread t) {
        ThreadId id = ThreadId.of(++threadIds);
        Deletion d = t.deletion();
        add(threads, id.value(), t.boardId().value(), t.title(), t.starterId().value(), t.createdAt(), t.pinned(), t.locked(),
                d == null ? null : d.deletedBy().value(), d == null ? null : d.at(), d == null ? null : d.reason(), t.createdAt());
        return new ForumThread(id, t.boardId(), t.title(), t.starterId(), t.createdAt(), t.pinned(), t.locked(), d, 0, 0, 0, null);
    }

    /** A post with the number it carries (imports keep their numbering; a generator counts 1, 2, 3 ...). */
    public Post post(Post p) {
        Post stored = p.withId(PostId.of(++postIds));
        Deletion d = p.deletion();
        add(posts, stored.id().value(), p.threadId().value(), p.number(), p.authorId().value(), p.body(), p.createdAt(),
                p.lastEdit() == null ? null : p.lastEdit().at(),
                p.lastEdit() == null ? null : p.lastEdit().editorId().value(),
                p.lastEdit() == null ? null : p.lastEdit().count(),
                d == null ? null : d.deletedBy().value(), d == null ? null : d.at(), d == null ? null : d.reason(),
                p.html(), p.renderVersion());
        return stored;
    }

    public void reaction(Reaction r) {
        add(reactions, r.postId().value(), r.memberId().value(), r.receiverId().value(), r.type(), r.createdAt());
    }

    /** Rows handed to the loader so far. */
    public long rows() {
        return rows;
    }

    /** Writes the pending rows and commits them. */
    public void flush() {
        try {
            execute();
            c.commit();
            uncommitted = 0;
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    private void execute() throws SQLException {
        for (Batch b : inOrder) { // parents first, so foreign keys hold
            b.execute();
        }
    }

    /** Writes the pending rows, moves the id sequences past the loaded ids and recomputes every counter. */
    public void finish() {
        flush();
        try {
            restart("members", memberIds);
            restart("categories", categoryIds);
            restart("boards", boardIds);
            restart("threads", threadIds);
            restart("posts", postIds);
            DeferredIndexes.ensure(c);
            c.commit();
            SqlRecount.run(handle, types);
            c.commit();
            finished = true;
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    /** Closes the connection; rows not yet flushed are dropped if {@link #finish()} was not called. */
    @Override
    public void close() {
        try {
            if (!finished) {
                c.rollback();
                DeferredIndexes.ensure(c);
                c.commit();
            }
            for (Batch b : inOrder) {
                b.close();
            }
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection goes back to the pool, which checks it
        } finally {
            handle.close();
        }
    }

    private void add(Batch batch, Object... values) {
        try {
            batch.add(values);
            rows++;
            if (batch.pending >= BATCH) {
                execute();
                if (++uncommitted * BATCH >= COMMIT) {
                    flush();
                }
            }
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    private long max(String table) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void restart(String table, long maxId) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (maxId + 1));
        }
    }

    private final class Batch {
        private final int[] types;
        private final String sql;
        private PreparedStatement statement;
        private int pending;

        Batch(int[] types, String sql) {
            this.types = types;
            this.sql = sql;
        }

        void add(Object[] values) throws SQLException {
            if (statement == null) {
                statement = c.prepareStatement(sql);
            }
            for (int i = 0; i < values.length; i++) {
                set(statement, i + 1, values[i], types[i]);
            }
            statement.addBatch();
            pending++;
        }

        void execute() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }

        void close() throws SQLException {
            if (statement != null) {
                statement.close();
            }
        }
    }

    private static void set(PreparedStatement s, int i, Object v, int type) throws SQLException {
        if (v == null) {
            s.setNull(i, type);
        } else if (v instanceof Instant t) {
            s.setObject(i, t.atOffset(ZoneOffset.UTC));
        } else if (v instanceof Long l) {
            s.setLong(i, l);
        } else if (v instanceof Integer n) {
            s.setInt(i, n);
        } else if (v instanceof Boolean b) {
            s.setBoolean(i, b);
        } else if (v instanceof String str) {
            s.setString(i, str);
        } else {
            throw new IllegalArgumentException("unexpected value type " + v.getClass());
        }
    }
}
