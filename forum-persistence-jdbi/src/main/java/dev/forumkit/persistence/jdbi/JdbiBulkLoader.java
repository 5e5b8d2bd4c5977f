package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.core.thread.ForumThread;

import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Loads many rows fast, for imports and the benchmark data generator: JDBC batch inserts (COPY on PostgreSQL) on one
 * connection, ids handed out by the loader, a commit every few thousand rows, the random-order secondary indexes
 * built once at the end, and the counters (post numbers, replies, last posts, board and member counters) put right
 * when the load finishes.
 *
 * <p>Run it on a database nobody else writes to meanwhile: ids are taken from the current maxima, and a load
 * that fails half-way leaves the rows committed so far. Counters are only right after {@link #finish()}.
 *
 * <p>Into an empty forum the counters are kept in memory while the rows go by and written with the rows, so no
 * recount pass is needed; on H2 the members, boards and threads are then held back and written at the end with
 * their counters (a process killed half-way leaves posts without their threads: generate into an empty database
 * again). Into a forum that has rows, set-based SQL recomputes every counter at the end.
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
    /** How {@link #finish} put the counters right. */
    public enum Counting { KEPT_WHILE_LOADING, RECOUNTED_BY_SQL }

    /** The steps of {@link #finish}, announced as each begins, so that a caller can time them. */
    public enum FinishStep { LAST_ROWS, INDEXES, COUNTERS, STATISTICS }

    private final ReactionTypes types;
    private final BulkSession session;
    private final BulkTables tables;
    /** Counters kept while loading into an empty forum; null when the forum had rows (then SQL recounts them). */
    private final LoadCounters counters;
    /** H2 with counters kept: members, boards and threads written at the end with their counters; else null. */
    private final HeldParents held;
    private long memberIds;
    private long categoryIds;
    private long boardIds;
    private long threadIds;
    private long postIds;
    private boolean finished;

    private JdbiBulkLoader(BulkSession session, BulkTuning tuning, ReactionTypes types) throws SQLException {
        this.session = session;
        this.types = types;
        memberIds = session.maxId("members");
        categoryIds = session.maxId("categories");
        boardIds = session.maxId("boards");
        threadIds = session.maxId("threads");
        postIds = session.maxId("posts");
        counters = memberIds == 0 && boardIds == 0 && threadIds == 0 && postIds == 0 ? new LoadCounters() : null;
        held = session.h2() && counters != null && tuning.deferParents() ? new HeldParents() : null;
        if (held != null) {
            session.postsForeignKey(false); // the loader checks it meanwhile, see post()
            session.commit();
        }
        tables = new BulkTables(session, tuning);
    }

    /** A loader on the storage's database; reaction scores are computed with the given types' weights. */
    public static JdbiBulkLoader open(JdbiForumStorage storage, ReactionTypes types) {
        return open(storage, types, BulkTuning.fromSystemProperties());
    }

    static JdbiBulkLoader open(JdbiForumStorage storage, ReactionTypes types, BulkTuning tuning) {
        BulkSession session;
        try {
            session = new BulkSession(storage, tuning);
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
        try {
            return new JdbiBulkLoader(session, tuning, types);
        } catch (SQLException e) {
            session.close();
            throw Errors.translate(e);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    public Member member(Member m) {
        Member stored = m.withId(MemberId.of(++memberIds)).withCounters(0, 0);
        if (counters != null) {
            counters.member(memberIds);
        }
        if (held != null) {
            held.member(stored); // counted in rows when written
        } else {
            add(tables.members, stored);
        }
        return stored;
    }

    public Category category(Category category) {
        Category stored = category.withId(CategoryId.of(++categoryIds));
        add(tables.categories, stored);
        return stored;
    }

    public Board board(Board board) {
        Board stored = board.withId(BoardId.of(++boardIds)).withCounters(0, 0, null);
        if (held != null) {
            held.board(stored);
        } else {
            add(tables.boards, stored);
        }
        return stored;
    }

    /** A thread without posts yet; its counters are set by {@link #finish()}. */
    public ForumThread thread(ForumThread t) {
        ThreadId id = ThreadId.of(++threadIds);
        Deletion d = t.deletion();
        if (counters != null) {
            counters.thread(id.value(), t.boardId().value(), d != null, t.createdAt());
        }
        ForumThread stored = new ForumThread(id, t.boardId(), t.title(), t.starterId(), t.createdAt(), t.pinned(), t.locked(), d,
                0, 0, 0, null);
        if (held != null) {
            held.thread(stored);
        } else {
            add(tables.threads, stored);
        }
        return stored;
    }

    /** A post with the number it carries (imports keep their numbering; a generator counts 1, 2, 3 ...). */
    public Post post(Post p) {
        if (held != null && (p.threadId().value() < 1 || p.threadId().value() > threadIds)) {
            // the foreign key is off while the threads wait for their counters: check it here
            throw new IllegalArgumentException("a post of thread " + p.threadId() + ", which this load has not created");
        }
        Post stored = p.withId(PostId.of(++postIds));
        if (counters != null) {
            counters.post(postIds, p.threadId().value(), p.number(), p.authorId().value(), p.deletion() != null, p.createdAt());
        }
        add(tables.posts, stored);
        return stored;
    }

    public void reaction(Reaction r) {
        if (counters != null) {
            counters.reaction(r.postId().value(), types.weight(r.type()));
        }
        add(tables.reactions, r);
    }

    /** Rows handed to the loader so far. */
    public long rows() {
        return tables.rows();
    }

    /** Writes the pending rows and commits them. */
    public void flush() {
        try {
            tables.flush();
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    /** Writes the pending rows, moves the id sequences past the loaded ids and puts every counter right. */
    public Counting finish() {
        return finish(step -> { });
    }

    /** As {@link #finish()}, telling {@code starting} as each step begins. */
    public Counting finish(Consumer<FinishStep> starting) {
        try {
            starting.accept(FinishStep.LAST_ROWS);
            tables.flush();
            session.restartIds("members", memberIds);
            session.restartIds("categories", categoryIds);
            session.restartIds("boards", boardIds);
            session.restartIds("threads", threadIds);
            session.restartIds("posts", postIds);
            starting.accept(FinishStep.INDEXES);
            session.buildDeferredIndexes();
            session.commit();
            starting.accept(FinishStep.COUNTERS);
            boolean kept = counters != null && !counters.lost();
            if (held != null) {
                writeHeldParents();
                SqlRecount.boardCounts(session.handle(), types);
            } else if (kept) {
                CounterUpdates.write(session.connection(), counters);
                SqlRecount.boardCounts(session.handle(), types); // the split by board: set-based, from the rows
            } else {
                SqlRecount.run(session.handle(), types);
            }
            session.commit();
            starting.accept(FinishStep.STATISTICS);
            session.analyze();
            session.commit();
            finished = true;
            return kept ? Counting.KEPT_WHILE_LOADING : Counting.RECOUNTED_BY_SQL;
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    /** Closes the connection; rows not yet flushed are dropped if {@link #finish()} was not called. */
    @Override
    public void close() {
        try {
            if (!finished) {
                session.rollback();
                tables.clear();
                if (held != null) {
                    writeHeldParents(); // the committed posts get their threads (counters as far as tallied; recount fixes)
                }
                session.buildDeferredIndexes();
                session.commit();
            }
            tables.close();
        } catch (SQLException e) {
            // the connection goes back to the pool, which checks it
        } finally {
            session.close();
        }
    }

    /** The members, boards and threads held back, with their counters; then the posts' foreign key is on again. */
    private void writeHeldParents() throws SQLException {
        held.write(counters, tables);
        tables.flush();
        session.postsForeignKey(true);
    }

    private <R> void add(RowBatch<R> batch, R row) {
        try {
            tables.add(batch, row);
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }
}
