package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.approval.HeldPost;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.watch.ThreadWatch;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.forumkit.persistence.jdbi.Column.bigint;
import static dev.forumkit.persistence.jdbi.Column.bool;
import static dev.forumkit.persistence.jdbi.Column.integer;
import static dev.forumkit.persistence.jdbi.Column.text;
import static dev.forumkit.persistence.jdbi.Column.time;

/**
 * Writes the rows of an export dump with their own ids (the dump's source ids), in batches that each commit
 * together with the number of dump lines they complete. Rows whose key is already stored are left alone, so
 * running an import again, after a failure or after it finished, writes only what is missing. No domain event is
 * written: imported content is history, and nothing (alerts, e-mail, webhooks) reacts to it.
 *
 * <pre>{@code
 * try (JdbiImportWriter w = JdbiImportWriter.open(storage)) {
 *     Progress p = w.begin(dumpId, 1, now);    // refuses a forum with other content
 *     ... skip p.linesDone() lines, then w.member(...), w.post(...), ... and w.commit(lines) every few thousand
 *     w.finish(types, lines);                  // ids, counters
 *     w.markFinished(now);                     // a rerun now changes nothing
 * }
 * }</pre>
 */
public final class JdbiImportWriter implements AutoCloseable {
    /** Where an import of one dump stands: dump lines committed, and whether it finished. */
    public record Progress(long linesDone, boolean finished) {
    }

    private static final Table<Group> GROUPS = Table.<Group>named("user_groups")
            .column(bigint("id", g -> g.id().value())).column(text("name", Group::name)).column(text("title", Group::title))
            .column(integer("display_order", Group::displayOrder)).build();
    private static final Table<DumpRows.GroupMembership> GROUP_MEMBERS = Table.<DumpRows.GroupMembership>named("group_members")
            .column(bigint("member_id", m -> m.member().value())).column(bigint("group_id", m -> m.group().value()))
            .column(bool("is_primary", DumpRows.GroupMembership::primary)).build();
    private static final Table<DumpRows.ReadMark> READ_STATES = Table.<DumpRows.ReadMark>named("read_states")
            .column(bigint("member_id", r -> r.member().value())).column(bigint("thread_id", r -> r.thread().value()))
            .column(integer("last_read", DumpRows.ReadMark::lastRead)).build();
    private static final Table<ThreadWatch> THREAD_WATCHES = Table.<ThreadWatch>named("thread_watches")
            .column(bigint("member_id", w -> w.member().value())).column(bigint("thread_id", w -> w.thread().value()))
            .column(bool("email", ThreadWatch::email)).column(time("created_at", ThreadWatch::since)).build();

    private static final Table<HeldPost> HELD_POSTS = Table.<HeldPost>named("held_posts")
            .column(bigint("id", x -> x.id().value())).column(bigint("board_id", x -> x.board().value()))
            .column(bigint("thread_id", x -> x.thread() == null ? null : x.thread().value())).column(text("title", HeldPost::title))
            .column(bigint("author_id", x -> x.author().value())).column(text("body", HeldPost::body))
            .column(time("held_at", HeldPost::heldAt)).column(text("reasons", x -> String.join("\n", x.reasons())))
            .column(text("status", x -> x.status().name()))
            .column(bigint("decided_by", x -> x.decidedBy() == null ? null : x.decidedBy().value()))
            .column(time("decided_at", HeldPost::decidedAt)).column(text("rejection", HeldPost::rejection))
            .column(bigint("post_id", x -> x.post() == null ? null : x.post().value())).build();

    private final Handle handle;
    private final Connection c;
    private final boolean postgres;
    private final ImportBatch<Member> members;
    private final ImportBatch<Group> groups;
    private final ImportBatch<DumpRows.GroupMembership> groupMembers;
    private final ImportBatch<Category> categories;
    private final ImportBatch<Board> boards;
    private final ImportBatch<ForumThread> threads;
    private final ImportBatch<Post> posts;
    private final ImportBatch<HeldPost> held;
    private final ImportBatch<Reaction> reactions;
    private final ImportBatch<DumpRows.ReadMark> readMarks;
    private final ImportBatch<ThreadWatch> watches;
    /** The tables of format version 2, each as it is ({@link DumpTable}). */
    private final Map<String, ImportBatch<Map<String, Object>>> tables = new LinkedHashMap<>();
    /** Parents before children, so that the foreign keys hold within a batch. */
    private final List<ImportBatch<?>> parentsFirst;
    private String dumpId;
    /** Whether the posts table had rows when this run began: rows an earlier run of the import wrote. */
    private boolean postsBeforeThisRun;
    /** Posts handed to this run by the renderer version of their HTML (key null: without HTML). */
    private final Map<String, Long> postsByRenderVersion = new HashMap<>();
    /** H2's page cache before the import raised it, in MB (-1: not raised). */
    private long h2CacheMbBefore = -1;

    private JdbiImportWriter(Handle handle) throws SQLException {
        this.handle = handle;
        c = handle.getConnection();
        c.setAutoCommit(false);
        CopyManager copy = c.isWrapperFor(PGConnection.class) ? c.unwrap(PGConnection.class).getCopyAPI() : null;
        postgres = copy != null;
        if (postgres) {
            // this session only: a crash may lose the last batches, with the progress that counts them, so a rerun redoes them
            execute("SET synchronous_commit = off");
        }
        members = ImportBatch.byId(c, copy, JdbiMembers.TABLE, m -> m.id().value());
        groups = ImportBatch.byId(c, copy, GROUPS, g -> g.id().value());
        groupMembers = new ImportBatch<>(c, copy, GROUP_MEMBERS, "member_id", m -> m.member().value(), "group_id", m -> m.group().value());
        categories = ImportBatch.byId(c, copy, JdbiCategories.TABLE, x -> x.id().value());
        boards = ImportBatch.byId(c, copy, JdbiBoards.TABLE, b -> b.id().value());
        threads = ImportBatch.byId(c, copy, JdbiThreads.TABLE, t -> t.id().value());
        posts = ImportBatch.byId(c, copy, JdbiPosts.TABLE, p -> p.id().value());
        held = ImportBatch.byId(c, copy, HELD_POSTS, x -> x.id().value());
        reactions = new ImportBatch<>(c, copy, JdbiReactions.TABLE, "post_id", r -> r.postId().value(), "member_id", r -> r.memberId().value());
        readMarks = new ImportBatch<>(c, copy, READ_STATES, "member_id", r -> r.member().value(), "thread_id", r -> r.thread().value());
        watches = new ImportBatch<>(c, copy, THREAD_WATCHES, "member_id", w -> w.member().value(), "thread_id", w -> w.thread().value());
        List<ImportBatch<?>> order = new ArrayList<>(List.of(members, groups, groupMembers, categories, boards, threads, posts,
                held, reactions, readMarks, watches));
        for (DumpTable t : DumpTable.ALL) {
            ImportBatch<Map<String, Object>> b = new ImportBatch<>(c, copy, table(t), t.first(), r -> ((Number) r.get(t.first())).longValue(),
                    t.second(), t.second() == null ? null : r -> ((Number) r.get(t.second())).longValue());
            tables.put(t.type(), b);
            order.add(b);
        }
        parentsFirst = List.copyOf(order);
    }

    private static Table<Map<String, Object>> table(DumpTable t) {
        Table.Builder<Map<String, Object>> b = Table.named(t.table());
        for (DumpTable.Field f : t.fields()) {
            String name = f.name();
            b.column(switch (f.kind()) {
                case ID, NUMBER -> bigint(f.column(), r -> r.get(name));
                case INTEGER -> integer(f.column(), r -> r.get(name));
                case BOOLEAN -> bool(f.column(), r -> r.get(name));
                case TEXT -> text(f.column(), r -> r.get(name));
                case TIME -> time(f.column(), r -> r.get(name));
            });
        }
        return b.build();
    }

    /** A writer on its own connection of the storage's pool; run one import at a time, with the server stopped. */
    public static JdbiImportWriter open(JdbiForumStorage storage) {
        Handle h = storage.jdbi().open();
        try {
            return new JdbiImportWriter(h);
        } catch (SQLException e) {
            h.close();
            throw Errors.translate(e);
        } catch (RuntimeException e) {
            h.close();
            throw e;
        }
    }

    /**
     * Starts or resumes the import of the dump {@code dumpId}. A forum that an import of this dump made (or began)
     * resumes where it stopped; an empty forum starts from the first line; any other forum is refused with a
     * {@link ConflictException} saying what it holds, and nothing is written.
     */
    public Progress begin(String dumpId, int formatVersion, Instant now) {
        try {
            try (var s = c.prepareStatement("SELECT lines_done, finished_at FROM imports WHERE dump_id = ?")) {
                s.setString(1, dumpId);
                try (var rs = s.executeQuery()) {
                    if (rs.next()) {
                        this.dumpId = dumpId;
                        Progress p = new Progress(rs.getLong(1), rs.getObject(2) != null);
                        postsBeforeThisRun = firstString("SELECT 'x' FROM posts FETCH FIRST 1 ROW ONLY") != null;
                        c.commit();
                        if (!p.finished()) {
                            loading();
                        }
                        return p;
                    }
                }
            }
            String other = firstString("SELECT dump_id FROM imports ORDER BY started_at FETCH FIRST 1 ROW ONLY");
            if (other != null) {
                throw new ConflictException("this forum was made by an import of another dump (" + other
                        + "); import into an empty forum");
            }
            for (String table : List.of("members", "categories", "boards", "threads", "posts", "held_posts")) {
                long n = firstLong("SELECT COUNT(*) FROM " + table);
                if (n > 0) {
                    throw new ConflictException("the forum is not empty (" + n + " rows in " + table
                            + "); import into an empty forum");
                }
            }
            if (firstLong("SELECT COUNT(*) FROM user_groups WHERE id >= " + GroupId.FIRST_CUSTOM) > 0) {
                throw new ConflictException("the forum is not empty (it has custom groups); import into an empty forum");
            }
            try (var s = c.prepareStatement("INSERT INTO imports (dump_id, format_version, started_at, lines_done) VALUES (?, ?, ?, 0)")) {
                s.setString(1, dumpId);
                s.setInt(2, formatVersion);
                s.setObject(3, now.atOffset(ZoneOffset.UTC));
                s.executeUpdate();
            }
            c.commit();
            this.dumpId = dumpId;
            loading();
            return new Progress(0, false);
        } catch (SQLException e) {
            rollbackQuietly();
            throw Errors.translate(e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /**
     * The bulk loader's ways for an unfinished import: the random-order secondary indexes dropped until {@link #finish}
     * builds them once (opening a storage builds them too, so an import stopped half-way leaves none missing), and on
     * H2 a larger page cache for the load, put back by {@link #close}.
     */
    private void loading() throws SQLException {
        DeferredIndexes.drop(c);
        if (!postgres) {
            long before = h2CacheMb();
            long wanted = BulkTuning.fromSystemProperties().h2CacheMb();
            if (before > 0 && wanted > before) {
                execute("SET CACHE_SIZE " + wanted * 1024); // KB
                h2CacheMbBefore = before;
            }
        }
        c.commit();
    }

    /** H2's page cache size in MB, -1 if unknown. */
    private long h2CacheMb() throws SQLException {
        try (var s = c.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'");
             var rs = s.executeQuery()) {
            return rs.next() ? Long.parseLong(rs.getString(1).trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public void member(Member m) {
        members.add(m);
    }

    /** A custom group (an id of at least {@link GroupId#FIRST_CUSTOM}). */
    public void group(Group g) {
        if (g.id().value() < GroupId.FIRST_CUSTOM) {
            throw new IllegalArgumentException("group " + g.id().value() + " is a built-in group; only custom groups are imported");
        }
        groups.add(g);
    }

    public void groupMembership(DumpRows.GroupMembership m) {
        groupMembers.add(m);
    }

    public void category(Category x) {
        categories.add(x);
    }

    public void board(Board b) {
        boards.add(b);
    }

    /** A thread; its counters and last post are recomputed by {@link #finish}, its post counter is kept if higher. */
    public void thread(ForumThread t) {
        threads.add(t);
    }

    public void post(Post p) {
        posts.add(p);
        postsByRenderVersion.merge(p.html() == null ? null : p.renderVersion(), 1L, Long::sum);
    }

    /**
     * Whether every post stored now carries HTML of the renderer version {@code version}, known without reading them:
     * the posts table was empty when this run began (a fresh import, or a resumed one whose earlier runs wrote no
     * post), and every post handed to this run came with HTML of that version. False says nothing either way: a
     * rendering pass must then look.
     */
    public boolean everyPostRenderedBy(String version) {
        requireBegun();
        if (postsBeforeThisRun) {
            return false;
        }
        for (Map.Entry<String, Long> e : postsByRenderVersion.entrySet()) {
            if (e.getValue() > 0 && !Objects.equals(e.getKey(), version)) {
                return false;
            }
        }
        return true;
    }

    /** A post held for approval, with its decision if it has one. */
    public void heldPost(HeldPost h) {
        held.add(h);
    }

    public void reaction(Reaction r) {
        reactions.add(r);
    }

    public void readMark(DumpRows.ReadMark r) {
        readMarks.add(r);
    }

    public void threadWatch(ThreadWatch w) {
        watches.add(w);
    }

    /**
     * A row of one of the {@link DumpTable#ALL} tables, its derived fields filled in by the caller where they need
     * the forum's renderer ({@code html}); a conversation's counters are recomputed by {@link #finish}.
     */
    public void row(DumpTable t, Map<String, Object> row) {
        if (t.type().equals("conversation")) { // until finish counts its messages
            row.putIfAbsent("last_message_at", row.get("created_at"));
            row.putIfAbsent("message_count", 0);
        }
        tables.get(t.type()).add(row);
    }

    /** Rows waiting for {@link #commit}. */
    public int pending() {
        int n = 0;
        for (ImportBatch<?> b : parentsFirst) {
            n += b.pending();
        }
        return n;
    }

    /** Rows written, and rows left out because they were stored already. */
    public long written() {
        return parentsFirst.stream().mapToLong(ImportBatch::written).sum();
    }

    public long skipped() {
        return parentsFirst.stream().mapToLong(ImportBatch::skipped).sum();
    }

    /**
     * Writes the rows read so far that are not stored yet and records that the first {@code linesDone} lines of the
     * dump are in, in one transaction: a failure leaves the forum as the commit before.
     */
    public void commit(long linesDone) {
        requireBegun();
        try {
            for (ImportBatch<?> b : parentsFirst) {
                b.write();
            }
            try (var s = c.prepareStatement("UPDATE imports SET lines_done = ? WHERE dump_id = ? AND lines_done < ?")) {
                s.setLong(1, linesDone);
                s.setString(2, dumpId);
                s.setLong(3, linesDone);
                s.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw Errors.translate(e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /**
     * After the last line: moves the id sequences past the imported ids (new content never takes one) and recomputes
     * every counter from the rows with the bulk loader's set-based recount. The import is finished only with
     * {@link #markFinished}, so that work the caller does after this (rendering, search) is redone by a rerun.
     */
    public void finish(ReactionTypes types, long linesDone) {
        commit(linesDone);
        try {
            List<String> withIds = new ArrayList<>(List.of("members", "categories", "boards", "threads", "posts", "held_posts"));
            DumpTable.ALL.stream().filter(DumpTable::ownsIds).forEach(t -> withIds.add(t.table()));
            for (String table : withIds) {
                execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (firstLong("SELECT COALESCE(MAX(id), 0) FROM " + table) + 1));
            }
            // derived from the rows, as the services keep them: conversations' counts and last messages, members' upload usage
            execute("UPDATE conversations SET message_count = (SELECT COUNT(*) FROM conversation_messages m WHERE m.conversation_id"
                    + " = conversations.id), last_message_id = (SELECT MAX(m.id) FROM conversation_messages m WHERE m.conversation_id"
                    + " = conversations.id)");
            execute("UPDATE conversations SET last_message_at = COALESCE((SELECT m.created_at FROM conversation_messages m"
                    + " WHERE m.id = conversations.last_message_id), created_at)");
            execute("DELETE FROM attachment_usage");
            execute("INSERT INTO attachment_usage (member_id, files, bytes) SELECT owner_id, COUNT(*), SUM(size_bytes)"
                    + " FROM attachments GROUP BY owner_id");
            long groupsMax = firstLong("SELECT COALESCE(MAX(id), 0) FROM user_groups");
            execute("ALTER TABLE user_groups ALTER COLUMN id RESTART WITH " + Math.max(GroupId.FIRST_CUSTOM, groupsMax + 1));
            c.commit();
            DeferredIndexes.ensure(c); // one sorted build each, after the rows (the recount reads posts by author)
            c.commit();
            SqlRecount.run(handle, types);
            if (postgres) {
                execute("ANALYZE members, boards, threads, posts, reactions, read_states");
            }
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw Errors.translate(e);
        }
    }

    /** Records that the import is complete: a rerun on the same dump then changes nothing. */
    public void markFinished(Instant now) {
        requireBegun();
        try (var s = c.prepareStatement("UPDATE imports SET finished_at = ? WHERE dump_id = ? AND finished_at IS NULL")) {
            s.setObject(1, now.atOffset(ZoneOffset.UTC));
            s.setString(2, dumpId);
            s.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw Errors.translate(e);
        }
    }

    /** Drops the rows not committed and returns the connection. */
    @Override
    public void close() {
        try {
            rollbackQuietly();
            for (ImportBatch<?> b : parentsFirst) {
                b.clear();
                b.close();
            }
            if (postgres) {
                execute("RESET synchronous_commit");
                c.commit();
            }
            if (h2CacheMbBefore > 0) {
                execute("SET CACHE_SIZE " + h2CacheMbBefore * 1024); // persistent in H2: put back
                c.commit();
            }
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection goes back to the pool, which checks it
        } finally {
            handle.close();
        }
    }

    private void requireBegun() {
        if (dumpId == null) {
            throw new IllegalStateException("begin(dumpId, ...) first");
        }
    }

    private void rollbackQuietly() {
        try {
            c.rollback();
            for (ImportBatch<?> b : parentsFirst) {
                b.clear();
            }
        } catch (SQLException e) {
            // the connection goes back to the pool, which checks it
        }
    }

    private long firstLong(String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String firstString(String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
