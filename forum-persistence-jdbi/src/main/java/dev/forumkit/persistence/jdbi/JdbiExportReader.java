package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.approval.HeldPost;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.watch.ThreadWatch;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pages of every table an export writes, in key order: each page is one short query that starts after the last key
 * of the page before (an index range scan), so an export of any size holds one page in memory and never a
 * long-running transaction. Rows are the core's records, read by the adapters' own mappers.
 */
public final class JdbiExportReader {
    private final Jdbi jdbi;

    private JdbiExportReader(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public static JdbiExportReader of(JdbiForumStorage storage) {
        return new JdbiExportReader(storage.jdbi());
    }

    public List<Member> members(long afterId, int limit) {
        return byId(JdbiMembers.TABLE, JdbiMembers.MAPPER, afterId, limit);
    }

    /** Custom groups only: the built-in ones (ids below {@link GroupId#FIRST_CUSTOM}) exist in every forum. */
    public List<Group> groups(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, title, display_order FROM user_groups"
                        + " WHERE id > :after AND id >= :first ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("first", GroupId.FIRST_CUSTOM).bind("limit", limit)
                .map((rs, ctx) -> new Group(GroupId.of(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getInt(4))).list());
    }

    public List<DumpRows.GroupMembership> groupMemberships(long afterMember, long afterGroup, int limit) {
        return byPair("group_members", "member_id", "group_id", "member_id, group_id, is_primary", afterMember, afterGroup, limit,
                (rs, ctx) -> new DumpRows.GroupMembership(MemberId.of(rs.getLong(1)), GroupId.of(rs.getLong(2)), rs.getBoolean(3)));
    }

    public List<Category> categories(long afterId, int limit) {
        return byId(JdbiCategories.TABLE, JdbiCategories.MAPPER, afterId, limit);
    }

    public List<Board> boards(long afterId, int limit) {
        return byId(JdbiBoards.TABLE, JdbiBoards.MAPPER, afterId, limit);
    }

    public List<ForumThread> threads(long afterId, int limit) {
        return byId(JdbiThreads.TABLE, JdbiThreads.MAPPER, afterId, limit);
    }

    public List<Post> posts(long afterId, int limit) {
        return byId(JdbiPosts.TABLE, JdbiPosts.MAPPER, afterId, limit);
    }

    /** Posts held for approval (pending, approved or rejected), by id. */
    public List<HeldPost> heldPosts(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + JdbiHeldPosts.COLUMNS + " FROM held_posts WHERE id > :after"
                        + " ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).map(JdbiHeldPosts.MAPPER).list());
    }

    /** Reactions by (post, member), the table's primary key. */
    public List<Reaction> reactions(long afterPost, long afterMember, int limit) {
        return byPair("reactions", "post_id", "member_id", JdbiReactions.TABLE.select(), afterPost, afterMember, limit,
                JdbiReactions.MAPPER);
    }

    public List<DumpRows.ReadMark> readMarks(long afterMember, long afterThread, int limit) {
        return byPair("read_states", "member_id", "thread_id", "member_id, thread_id, last_read", afterMember, afterThread, limit,
                (rs, ctx) -> new DumpRows.ReadMark(MemberId.of(rs.getLong(1)), ThreadId.of(rs.getLong(2)), rs.getInt(3)));
    }

    public List<ThreadWatch> threadWatches(long afterMember, long afterThread, int limit) {
        return byPair("thread_watches", "member_id", "thread_id", "member_id, thread_id, email, created_at", afterMember,
                afterThread, limit, (rs, ctx) -> new ThreadWatch(MemberId.of(rs.getLong(1)), ThreadId.of(rs.getLong(2)),
                        rs.getBoolean(3), Rows.instant(rs, 4)));
    }

    /**
     * A page of a table described by a {@link DumpTable}, after the key {@code (afterA, afterB)} ({@code afterB}
     * ignored for a one-column key): each row a map from field to value, without the derived fields and null values.
     */
    public List<Map<String, Object>> rows(DumpTable t, long afterA, long afterB, int limit) {
        List<DumpTable.Field> fields = t.fields().stream().filter(f -> !f.derived()).toList();
        String columns = fields.stream().map(DumpTable.Field::column).collect(Collectors.joining(", "));
        String where = t.second() == null ? t.first() + " > :a" : "(" + t.first() + ", " + t.second() + ") > (:a, :b)";
        String order = t.second() == null ? t.first() : t.first() + ", " + t.second();
        return jdbi.withHandle(h -> h.createQuery("SELECT " + columns + " FROM " + t.table() + " WHERE " + where
                        + " ORDER BY " + order + " LIMIT :limit")
                .bind("a", afterA).bind("b", afterB).bind("limit", limit)
                .map((rs, ctx) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < fields.size(); i++) {
                        DumpTable.Field f = fields.get(i);
                        Object v = switch (f.kind()) {
                            case ID, NUMBER -> rs.getLong(i + 1);
                            case INTEGER -> rs.getInt(i + 1);
                            case BOOLEAN -> rs.getBoolean(i + 1);
                            case TEXT -> rs.getString(i + 1);
                            case TIME -> Rows.instant(rs, i + 1);
                        };
                        if (v != null && !rs.wasNull()) {
                            row.put(f.name(), v instanceof String text && f.name().endsWith("_key") ? text.trim() : v);
                        }
                    }
                    return row;
                }).list());
    }

    /** Rows of a table, for a progress bar's total. */
    public long count(String table) {
        if (!List.of("members", "categories", "boards", "threads", "posts", "reactions", "read_states").contains(table)) {
            throw new IllegalArgumentException("not an exported table: " + table);
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private <R> List<R> byId(Table<R> table, RowMapper<R> mapper, long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + table.select() + " FROM " + table.name()
                        + " WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).map(mapper).list());
    }

    /** A page by a two-column primary key {@code (a, b)}: rows after {@code (afterA, afterB)} in key order. */
    private <R> List<R> byPair(String table, String a, String b, String columns, long afterA, long afterB, int limit,
                               RowMapper<R> mapper) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + columns + " FROM " + table + " WHERE (" + a + ", " + b
                        + ") > (:a, :b) ORDER BY " + a + ", " + b + " LIMIT :limit")
                .bind("a", afterA).bind("b", afterB).bind("limit", limit).map(mapper).list());
    }
}
