package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.core.thread.ForumThread;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads many rows fast, for imports and the benchmark data generator: JDBC batch inserts on one connection,
 * ids handed out by the loader, a commit every few thousand rows, the random-order secondary indexes built
 * once at the end, and the counters (post numbers, replies, last posts, board and member counters) recomputed
 * by set-based SQL when the load finishes.
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
    private static final int BATCH = 1_000;
    private static final int COPY_BATCH = 10_000;
    /**
     * Rows per commit. Small on purpose: H2 writes the pages of a transaction that outgrows its write buffer before
     * the commit, then again when the commit marks its rows committed; 2,000 rows a commit took 83 s of CPU for the
     * million-post forum where 20,000 took 133 s.
     */
    private static final int COMMIT = Integer.getInteger("forumkit.bulk.commitRows", 2_000);
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
    private String finishTimes = "";
    /** Counters kept while loading into an empty forum; null when the forum had rows (then SQL recounts them). */
    private final LoadCounters counters;
    /**
     * H2 with counters kept: members, boards and threads are written at the end with their final counters (no
     * update pass), and the posts' foreign key to threads is off meanwhile (the loader checks it; H2 does not keep
     * that switch across a restart).
     */
    private final boolean deferParents;
    private final List<Object[]> pendingMembers = new ArrayList<>();
    private final List<Object[]> pendingBoards = new ArrayList<>();
    private final List<Object[]> pendingThreads = new ArrayList<>();
    /** PostgreSQL's COPY, which loads rows several times faster than batched INSERTs; null on H2. */
    private final CopyManager copyManager;
    private final boolean h2;
    /** Rows per batch (per COPY on PostgreSQL). */
    private final int batchRows;
    /** H2's page cache size before the load, in MB (-1: not H2 or unknown). */
    private final long h2CacheMbBefore;
    private static final boolean DEFER_PARENTS = Boolean.parseBoolean(System.getProperty("forumkit.bulk.deferParents", "true"));
    private static final boolean DEFER_INDEXES = Boolean.parseBoolean(System.getProperty("forumkit.bulk.deferIndexes", "true"));

    private JdbiBulkLoader(JdbiForumStorage storage, ReactionTypes types) throws SQLException {
        this.types = types;
        this.handle = storage.jdbi().open();
        this.c = handle.getConnection();
        c.setAutoCommit(false);
        h2 = c.getMetaData().getDatabaseProductName().startsWith("H2");
        copyManager = c.isWrapperFor(PGConnection.class) ? c.unwrap(PGConnection.class).getCopyAPI() : null;
        batchRows = copyManager != null ? COPY_BATCH : BATCH;
        if (copyManager != null) {
            try (var s = c.createStatement()) {
                // this session only: a crash loses the last commits of the load, which is then redone anyway
                s.execute("SET synchronous_commit = off");
                s.execute("SET maintenance_work_mem = '256MB'"); // the deferred index builds
            }
        }
        if (h2) {
            h2CacheMbBefore = h2Setting("info.CACHE_MAX_SIZE");
            long loadCacheMb = Math.min(Long.getLong("forumkit.bulk.cacheMb", 256), Runtime.getRuntime().maxMemory() / 3 / (1 << 20));
            if (h2CacheMbBefore > 0 && loadCacheMb > h2CacheMbBefore) {
                try (var s = c.createStatement()) {
                    s.execute("SET CACHE_SIZE " + loadCacheMb * 1024); // KB; persistent in H2, put back by close()
                }
            }
        } else {
            h2CacheMbBefore = -1;
        }
        if (DEFER_INDEXES) {
            DeferredIndexes.drop(c);
        }
        c.commit();
        memberIds = max("members");
        categoryIds = max("categories");
        boardIds = max("boards");
        threadIds = max("threads");
        postIds = max("posts");
        counters = memberIds == 0 && boardIds == 0 && threadIds == 0 && postIds == 0 ? new LoadCounters() : null;
        deferParents = h2 && counters != null && DEFER_PARENTS;
        if (deferParents) {
            try (var s = c.createStatement()) {
                s.execute("ALTER TABLE posts SET REFERENTIAL_INTEGRITY FALSE");
            }
            c.commit();
        }
        members = new Batch(new int[] {ID, TEXT, TEXT, TEXT, TEXT, TEXT, TIME, TEXT, TEXT, TIME, TIME, ID, INT, ID},
                "INSERT INTO members (id, username, username_key, email, password_hash, custom_title, joined_at,"
                + " role, ban_reason, ban_since, ban_until, banned_by, message_count, reaction_score)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        categories = new Batch(new int[] {ID, TEXT, TEXT, INT},
                "INSERT INTO categories (id, title, description, display_order) VALUES (?, ?, ?, ?)");
        boards = new Batch(new int[] {ID, ID, TEXT, TEXT, TEXT, TEXT, INT, INT, ID, ID, ID, INT, ID, TIME},
                "INSERT INTO boards (id, category_id, title, slug, description, guest_notice, display_order, thread_count,"
                + " post_count, last_post_id, last_post_thread_id, last_post_number, last_post_author_id, last_post_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        threads = new Batch(new int[] {ID, ID, TEXT, ID, TIME, BOOL, BOOL, ID, TIME, TEXT, TIME, INT, INT, ID, ID, INT, ID, TIME},
                "INSERT INTO threads (id, board_id, title, starter_id, created_at, pinned, locked, deleted_by,"
                + " deleted_at, deletion_reason, activity_at, post_counter, reply_count, last_post_id, last_post_thread_id,"
                + " last_post_number, last_post_author_id, last_post_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
        if (counters != null) {
            counters.member(memberIds);
        }
        addParent(members, pendingMembers, stored.id().value(), m.username(), Member.usernameKey(m.username()), m.email(),
                m.passwordHash(), m.customTitle(), m.joinedAt(), m.role().name(), m.ban() == null ? null : m.ban().reason(),
                m.ban() == null ? null : m.ban().since(), m.ban() == null ? null : m.ban().until(),
                m.ban() == null ? null : m.ban().bannedBy().value(), 0, 0L);
        return stored;
    }

    public Category category(Category category) {
        Category stored = category.withId(CategoryId.of(++categoryIds));
        add(categories, stored.id().value(), category.title(), category.description(), category.displayOrder());
        return stored;
    }

    public Board board(Board board) {
        Board stored = board.withId(BoardId.of(++boardIds)).withCounters(0, 0, null);
        addParent(boards, pendingBoards, stored.id().value(), board.categoryId().value(), board.title(), board.slug(),
                board.description(), board.guestNotice(), board.displayOrder(), 0, 0L, null, null, null, null, null);
        return stored;
    }

    /** A thread without posts yet; its counters are set by {@link #finish()}. */
    public ForumThread thread(ForumThread t) {
        ThreadId id = ThreadId.of(++threadIds);
        Deletion d = t.deletion();
        if (counters != null) {
            counters.thread(id.value(), t.boardId().value(), d != null, t.createdAt());
        }
        addParent(threads, pendingThreads, id.value(), t.boardId().value(), t.title(), t.starterId().value(), t.createdAt(),
                t.pinned(), t.locked(), d == null ? null : d.deletedBy().value(), d == null ? null : d.at(),
                d == null ? null : d.reason(), t.createdAt(), 0, 0, null, null, null, null, null);
        return new ForumThread(id, t.boardId(), t.title(), t.starterId(), t.createdAt(), t.pinned(), t.locked(), d, 0, 0, 0, null);
    }

    /** A post with the number it carries (imports keep their numbering; a generator counts 1, 2, 3 ...). */
    public Post post(Post p) {
        if (deferParents && (p.threadId().value() < 1 || p.threadId().value() > threadIds)) {
            // the foreign key is off while the threads wait for their counters: check it here
            throw new IllegalArgumentException("a post of thread " + p.threadId() + ", which this load has not created");
        }
        Post stored = p.withId(PostId.of(++postIds));
        Deletion d = p.deletion();
        if (counters != null) {
            counters.post(postIds, p.threadId().value(), p.number(), p.authorId().value(), d != null, p.createdAt());
        }
        add(posts, stored.id().value(), p.threadId().value(), p.number(), p.authorId().value(), p.body(), p.createdAt(),
                p.lastEdit() == null ? null : p.lastEdit().at(),
                p.lastEdit() == null ? null : p.lastEdit().editorId().value(),
                p.lastEdit() == null ? null : p.lastEdit().count(),
                d == null ? null : d.deletedBy().value(), d == null ? null : d.at(), d == null ? null : d.reason(),
                p.html(), p.renderVersion());
        return stored;
    }

    public void reaction(Reaction r) {
        if (counters != null) {
            counters.reaction(r.postId().value(), types.weight(r.type()));
        }
        add(reactions, r.postId().value(), r.memberId().value(), r.receiverId().value(), r.type(), r.createdAt());
    }

    /** What {@link #finish()} spent its time on, for a summary line. */
    public String finishTimes() {
        return finishTimes;
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
        long t0 = System.nanoTime();
        long cpu0 = cpu();
        flush();
        try {
            restart("members", memberIds);
            restart("categories", categoryIds);
            restart("boards", boardIds);
            restart("threads", threadIds);
            restart("posts", postIds);
            long t1 = System.nanoTime();
            long cpu1 = cpu();
            DeferredIndexes.ensure(c);
            c.commit();
            long t2 = System.nanoTime();
            long cpu2 = cpu();
            boolean kept = counters != null && !counters.lost();
            if (deferParents) {
                writeParents();
            } else if (kept) {
                writeCounters();
            } else {
                SqlRecount.run(handle, types);
            }
            c.commit();
            long t3 = System.nanoTime();
            long cpu3 = cpu();
            finishTimes = String.format(java.util.Locale.ROOT, "last rows %.1f s, indexes %.1f s (CPU %.1f s), counters %.1f s"
                    + " (CPU %.1f s, %s)", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (cpu2 - cpu1) / 1e9, (t3 - t2) / 1e9,
                    (cpu3 - cpu2) / 1e9, kept ? "kept while loading" : "recounted by SQL");
            if (copyManager != null) {
                try (var s = c.createStatement()) {
                    s.execute("ANALYZE members, boards, threads, posts, reactions"); // plans for the first requests
                }
                c.commit();
            }
            finished = true;
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    /** Writes the members, boards and threads held back, with their counters, and turns the foreign key on again. */
    private void writeParents() throws SQLException {
        for (Object[] m : pendingMembers) {
            long id = (Long) m[0];
            m[m.length - 2] = counters.messages(id);
            m[m.length - 1] = counters.score(id);
            add(members, m);
        }
        Map<Long, LoadCounters.BoardTally> boardTallies = counters.boards();
        for (Object[] b : pendingBoards) {
            LoadCounters.BoardTally t = boardTallies.get((Long) b[0]);
            if (t != null) {
                b[7] = t.threads;
                b[8] = t.posts;
                putLastPost(b, 9, t.last);
            }
            add(boards, b);
        }
        for (Object[] row : pendingThreads) {
            LoadCounters.ThreadTally t = counters.thread((Long) row[0]);
            if (t.last != null) {
                row[10] = t.last.at(); // activity_at
            }
            row[11] = t.postCounter;
            row[12] = t.replies();
            putLastPost(row, 13, t.last);
            add(threads, row);
        }
        pendingMembers.clear();
        pendingBoards.clear();
        pendingThreads.clear();
        flush();
        try (var s = c.createStatement()) {
            s.execute("ALTER TABLE posts SET REFERENTIAL_INTEGRITY TRUE NOCHECK");
        }
    }

    private static void putLastPost(Object[] row, int index, LastPost last) {
        if (last != null) {
            row[index] = last.postId().value();
            row[index + 1] = last.threadId().value();
            row[index + 2] = last.number();
            row[index + 3] = last.authorId().value();
            row[index + 4] = last.at();
        }
    }

    /** Writes the counters kept while loading: one update per thread, board and member that has any. */
    private void writeCounters() throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE threads SET post_counter = ?, reply_count = ?, last_post_id = ?,"
                + " last_post_thread_id = ?, last_post_number = ?, last_post_author_id = ?, last_post_at = ?, activity_at = ?"
                + " WHERE id = ?")) {
            int pending = 0;
            for (long id = 1; id <= counters.threadCount(); id++) {
                LoadCounters.ThreadTally t = counters.thread(id);
                if (t.postCounter == 0) {
                    continue; // no posts: the row as inserted is right
                }
                LastPost last = t.last;
                set(s, 1, t.postCounter, INT);
                set(s, 2, t.replies(), INT);
                setLastPost(s, 3, last);
                set(s, 8, last == null ? t.createdAt : last.at(), TIME);
                set(s, 9, id, ID);
                s.addBatch();
                if (++pending % BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        Map<Long, LoadCounters.BoardTally> boardTallies = counters.boards();
        try (PreparedStatement s = c.prepareStatement("UPDATE boards SET thread_count = ?, post_count = ?, last_post_id = ?,"
                + " last_post_thread_id = ?, last_post_number = ?, last_post_author_id = ?, last_post_at = ? WHERE id = ?")) {
            for (Map.Entry<Long, LoadCounters.BoardTally> e : boardTallies.entrySet()) {
                set(s, 1, e.getValue().threads, INT);
                set(s, 2, e.getValue().posts, ID);
                setLastPost(s, 3, e.getValue().last);
                set(s, 8, e.getKey(), ID);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE members SET message_count = ?, reaction_score = ? WHERE id = ?")) {
            int pending = 0;
            for (long id = 1; id <= counters.memberCount(); id++) {
                if (counters.messages(id) == 0 && counters.score(id) == 0) {
                    continue;
                }
                set(s, 1, counters.messages(id), INT);
                set(s, 2, counters.score(id), ID);
                set(s, 3, id, ID);
                s.addBatch();
                if (++pending % BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    /** The five last-post columns from {@code index} on. */
    private static void setLastPost(PreparedStatement s, int index, LastPost last) throws SQLException {
        set(s, index, last == null ? null : last.postId().value(), ID);
        set(s, index + 1, last == null ? null : last.threadId().value(), ID);
        set(s, index + 2, last == null ? null : last.number(), INT);
        set(s, index + 3, last == null ? null : last.authorId().value(), ID);
        set(s, index + 4, last == null ? null : last.at(), TIME);
    }

    /** Closes the connection; rows not yet flushed are dropped if {@link #finish()} was not called. */
    @Override
    public void close() {
        try {
            if (!finished) {
                c.rollback();
                for (Batch b : inOrder) {
                    b.clear();
                }
                if (deferParents) {
                    writeParents(); // the committed posts get their threads (counters as far as tallied; recount fixes)
                }
                DeferredIndexes.ensure(c);
                c.commit();
            }
            for (Batch b : inOrder) {
                b.close();
            }
            if (h2CacheMbBefore > 0) {
                try (var s = c.createStatement()) {
                    s.execute("SET CACHE_SIZE " + h2CacheMbBefore * 1024);
                }
                c.commit();
            }
            if (copyManager != null) {
                try (var s = c.createStatement()) {
                    s.execute("RESET synchronous_commit");
                    s.execute("RESET maintenance_work_mem");
                }
                c.commit();
            }
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection goes back to the pool, which checks it
        } finally {
            handle.close();
        }
    }

    /** A member, board or thread row: held back until {@link #finish()} when {@link #deferParents}, else written. */
    private void addParent(Batch batch, List<Object[]> pending, Object... values) {
        if (deferParents) {
            pending.add(values); // counted in rows when written
        } else {
            add(batch, values);
        }
    }

    private void add(Batch batch, Object... values) {
        try {
            batch.add(values);
            rows++;
            if (batch.pending >= batchRows) {
                execute();
                if (++uncommitted * batchRows >= COMMIT) {
                    flush();
                }
            }
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    /** CPU time of this thread, in which an embedded H2 does its work (ns; 0 where unsupported). */
    private static long cpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    /** A numeric row of H2's INFORMATION_SCHEMA.SETTINGS, -1 if absent. */
    private long h2Setting(String name) throws SQLException {
        try (var s = c.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            s.setString(1, name);
            try (var rs = s.executeQuery()) {
                return rs.next() ? Long.parseLong(rs.getString(1).trim()) : -1;
            }
        } catch (NumberFormatException e) {
            return -1;
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

    /** Rows of one table waiting to be written: a JDBC batch, or on PostgreSQL a COPY in text format. */
    private final class Batch {
        private final int[] types;
        private final String sql;
        private final String copy; // COPY table (columns) FROM STDIN, on PostgreSQL
        private final StringBuilder copyRows = new StringBuilder();
        private PreparedStatement statement;
        private int pending;

        Batch(int[] types, String sql) {
            this.types = types;
            this.sql = sql;
            this.copy = copyManager == null ? null
                    : "COPY " + sql.substring("INSERT INTO ".length(), sql.indexOf(')') + 1) + " FROM STDIN";
        }

        void add(Object[] values) throws SQLException {
            if (copy != null) {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        copyRows.append('\t');
                    }
                    copyValue(copyRows, values[i]);
                }
                copyRows.append('\n');
                pending++;
                return;
            }
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
            if (pending == 0) {
                return;
            }
            if (copy != null) {
                try {
                    copyManager.copyIn(copy, new java.io.StringReader(copyRows.toString()));
                } catch (java.io.IOException e) {
                    throw new SQLException("COPY failed: " + e.getMessage(), e);
                }
                copyRows.setLength(0);
            } else {
                statement.executeBatch();
            }
            pending = 0;
        }

        /** Forgets the rows not yet written. */
        void clear() throws SQLException {
            copyRows.setLength(0);
            if (statement != null) {
                statement.clearBatch();
            }
            pending = 0;
        }

        void close() throws SQLException {
            if (statement != null) {
                statement.close();
            }
        }
    }

    /** A value in PostgreSQL's COPY text format: \N for null; backslash, tab, newline and return escaped. */
    private static void copyValue(StringBuilder out, Object v) {
        if (v == null) {
            out.append("\\N");
        } else if (v instanceof Instant t) {
            out.append(t); // ISO 8601 in UTC, e.g. 2026-01-01T00:00:00Z
        } else if (v instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (v instanceof String str) {
            for (int i = 0; i < str.length(); i++) {
                char ch = str.charAt(i);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        } else {
            out.append(v); // Long, Integer
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
