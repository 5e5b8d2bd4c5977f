package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Edit;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.post.Posts;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static dev.forumkit.persistence.jdbi.Column.bigint;
import static dev.forumkit.persistence.jdbi.Column.integer;
import static dev.forumkit.persistence.jdbi.Column.text;
import static dev.forumkit.persistence.jdbi.Column.time;

final class JdbiPosts implements Posts {
    /** The posts table, in the order {@link #MAPPER} reads it; the bulk loader writes the same list. */
    static final Table<Post> TABLE = Table.<Post>named("posts")
            .column(bigint("id", p -> p.id().value()))
            .column(bigint("thread_id", p -> p.threadId().value()))
            .column(integer("number", Post::number))
            .column(bigint("author_id", p -> p.authorId().value()))
            .column(text("body", Post::body))
            .column(time("created_at", Post::createdAt))
            .column(time("edited_at", p -> p.lastEdit() == null ? null : p.lastEdit().at()))
            .column(bigint("edited_by", p -> p.lastEdit() == null ? null : p.lastEdit().editorId().value()))
            .column(integer("edit_count", p -> p.lastEdit() == null ? null : p.lastEdit().count()))
            .columns(Column.deletion(Post::deletion))
            .column(text("html", Post::html))
            .column(text("render_version", Post::renderVersion))
            .build();
    private static final String COLUMNS = TABLE.select();
    /** A post's insert, bound by position ({@link #add}); the dialect adds the id's return. */
    private static final String INSERT = "INSERT INTO posts (thread_id, number, author_id, body, created_at, edited_at,"
            + " edited_by, edit_count, deleted_by, deleted_at, deletion_reason, html, render_version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String RANGE_WITH_DELETED = "SELECT " + COLUMNS + " FROM posts WHERE thread_id = ?"
            + " AND number BETWEEN ? AND ? ORDER BY number";
    static final String RANGE = "SELECT " + COLUMNS + " FROM posts WHERE thread_id = ?"
            + " AND number BETWEEN ? AND ? AND deleted_at IS NULL ORDER BY number";

    // by column position (the order of TABLE), not by name: a name lookup per column per row showed in profiles
    static final RowMapper<Post> MAPPER = (rs, ctx) -> {
        Instant editedAt = Rows.instant(rs, 7);
        Edit edit = editedAt == null ? null : new Edit(editedAt, MemberId.of(rs.getLong(8)), rs.getInt(9));
        Instant deletedAt = Rows.instant(rs, 11);
        Deletion deletion = deletedAt == null ? null : new Deletion(MemberId.of(rs.getLong(10)), deletedAt, rs.getString(12));
        return new Post(PostId.of(rs.getLong(1)), ThreadId.of(rs.getLong(2)), rs.getInt(3), MemberId.of(rs.getLong(4)),
                rs.getString(5), Rows.instant(rs, 6), edit, deletion, rs.getString(13), rs.getString(14));
    };

    private final JdbiTransactions db;

    JdbiPosts(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Post add(Post post) {
        // every reply's insert: plain JDBC, bound by position (task h2writer)
        String sql = db.dialect().returning(INSERT, "id");
        Edit e = post.lastEdit();
        Deletion d = post.deletion();
        long id = db.plain(sql, s -> {
            s.setLong(1, post.threadId().value());
            s.setInt(2, post.number());
            s.setLong(3, post.authorId().value());
            s.setString(4, post.body());
            s.setObject(5, post.createdAt().atOffset(java.time.ZoneOffset.UTC));
            if (e == null) {
                s.setNull(6, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                s.setNull(7, java.sql.Types.BIGINT);
                s.setNull(8, java.sql.Types.INTEGER);
            } else {
                s.setObject(6, e.at().atOffset(java.time.ZoneOffset.UTC));
                s.setLong(7, e.editorId().value());
                s.setInt(8, e.count());
            }
            if (d == null) {
                s.setNull(9, java.sql.Types.BIGINT);
                s.setNull(10, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                s.setNull(11, java.sql.Types.VARCHAR);
            } else {
                s.setLong(9, d.deletedBy().value());
                s.setObject(10, d.at().atOffset(java.time.ZoneOffset.UTC));
                s.setString(11, d.reason());
            }
            s.setString(12, post.html());
            s.setString(13, post.renderVersion());
        }, rs -> {
            if (!rs.next()) {
                throw new IllegalStateException("the insert of a post answered no id");
            }
            return rs.getLong(1);
        });
        return post.withId(PostId.of(id));
    }

    @Override
    public Optional<Post> byId(PostId id) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM posts WHERE id = :id")
                .bind("id", id.value()).map(MAPPER).findOne());
    }

    @Override
    public List<Post> afterId(PostId after, int limit) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM posts WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", after == null ? 0L : after.value()).bind("limit", limit).map(MAPPER).list());
    }

    @Override
    public Map<PostId, Post> byIds(Collection<PostId> ids) {
        Map<PostId, Post> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<Long> values = ids.stream().map(PostId::value).distinct().toList();
        db.with(h -> {
            h.createQuery("SELECT " + COLUMNS + " FROM posts WHERE id IN (<ids>)").bindList("ids", values).map(MAPPER)
                    .forEach(p -> out.put(p.id(), p));
            return null;
        });
        return out;
    }

    @Override
    public void update(Post post) {
        int n = db.with(h -> bindChanges(h.createUpdate("UPDATE posts SET body = :body, edited_at = :editedAt,"
                        + " edited_by = :editedBy, edit_count = :editCount, deleted_by = :deletedBy, deleted_at = :deletedAt,"
                        + " deletion_reason = :deletionReason, html = :html, render_version = :renderVersion WHERE id = :id"), post)
                .bind("id", post.id().value()).execute());
        if (n == 0) {
            throw new NotFoundException("no post " + post.id());
        }
    }

    @Override
    public List<Post> byNumberRange(ThreadId thread, int from, int to, boolean includeDeleted) {
        if (from > to) {
            return List.of();
        }
        // one range scan of uq_posts_thread_number, however deep the page: never OFFSET over a thread; a thread
        // page's read, so plain JDBC on the transaction's connection (task pagejdbc)
        return db.plain(includeDeleted ? RANGE_WITH_DELETED : RANGE, s -> {
            s.setLong(1, thread.value());
            s.setInt(2, from);
            s.setInt(3, to);
        }, rs -> {
            List<Post> out = new java.util.ArrayList<>(Math.min(to - from + 1, 100));
            while (rs.next()) {
                out.add(MAPPER.map(rs, null));
            }
            return out;
        });
    }

    /**
     * A member's posts, newest first, in the order of ix_posts_author: with the (constant) author leading the ORDER BY,
     * H2 reads the index in order and stops at the limit; without it H2 reads and sorts all the member's posts (tens of
     * thousands for a prolific member: most of a reply's CPU went there, since the spam check reads the last ten).
     */
    private static final String BY_AUTHOR_NEWEST = "p.author_id, p.created_at DESC, p.id DESC";

    /** The author's newest visible posts, {@code :author} and {@code :limit}; also one part of the hold evidence read. */
    static final String RECENT_VISIBLE_BY_AUTHOR = "SELECT " + TABLE.select("p") + " FROM posts p JOIN threads t"
            + " ON t.id = p.thread_id WHERE p.author_id = :author AND p.deleted_at IS NULL AND t.deleted_at IS NULL"
            + " ORDER BY " + BY_AUTHOR_NEWEST + " LIMIT :limit";
    private static final String RECENT_VISIBLE_BY_AUTHOR_PLAIN = RECENT_VISIBLE_BY_AUTHOR.replace(":author", "?")
            .replace(":limit", "?");

    @Override
    public List<Post> recentVisibleByAuthor(MemberId author, int limit) {
        // the spam check's read on every reply: plain JDBC (task h2writer)
        return db.plain(RECENT_VISIBLE_BY_AUTHOR_PLAIN, s -> {
            s.setLong(1, author.value());
            s.setInt(2, limit);
        }, rs -> {
            List<Post> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(MAPPER.map(rs, null));
            }
            return out;
        });
    }

    @Override
    public List<Post> visibleByAuthor(MemberId author, java.util.Set<dev.forumkit.core.board.BoardId> excluded,
                                      boolean threadStartsOnly, int offset, int limit) {
        String boards = excluded.isEmpty() ? "" : " AND t.board_id NOT IN (<boards>)";
        return db.with(h -> {
            var q = h.createQuery("SELECT " + TABLE.select("p") + " FROM posts p JOIN threads t ON t.id = p.thread_id"
                            + " WHERE p.author_id = :author AND p.deleted_at IS NULL AND t.deleted_at IS NULL" + boards
                            + (threadStartsOnly ? " AND p.number = 1" : "")
                            + " ORDER BY " + BY_AUTHOR_NEWEST + " LIMIT :limit OFFSET :offset")
                    .bind("author", author.value()).bind("limit", limit).bind("offset", offset);
            if (!excluded.isEmpty()) {
                q.bindList("boards", excluded.stream().map(b -> b.value()).toList());
            }
            return q.map(MAPPER).list();
        });
    }

    @Override
    public List<Post> recentVisibleByAuthor(MemberId author, java.util.Set<dev.forumkit.core.board.BoardId> excluded, int limit) {
        if (excluded.isEmpty()) {
            return recentVisibleByAuthor(author, limit);
        }
        return db.with(h -> h.createQuery("SELECT " + TABLE.select("p") + " FROM posts p JOIN threads t ON t.id = p.thread_id"
                        + " WHERE p.author_id = :author AND p.deleted_at IS NULL AND t.deleted_at IS NULL"
                        + " AND t.board_id NOT IN (<boards>)"
                        + " ORDER BY " + BY_AUTHOR_NEWEST + " LIMIT :limit")
                .bind("author", author.value()).bindList("boards", excluded.stream().map(b -> b.value()).toList())
                .bind("limit", limit).map(MAPPER).list());
    }

    @Override
    public Optional<Post> lastVisibleInThread(ThreadId thread) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM posts WHERE thread_id = :thread AND deleted_at IS NULL"
                        + " ORDER BY number DESC LIMIT 1")
                .bind("thread", thread.value()).map(MAPPER).findOne());
    }

    @Override
    public Map<MemberId, Integer> visibleCountsByAuthor(ThreadId thread) {
        return db.with(h -> {
            Map<MemberId, Integer> out = new HashMap<>();
            h.createQuery("SELECT author_id, COUNT(*) AS n FROM posts WHERE thread_id = :thread AND deleted_at IS NULL"
                            + " GROUP BY author_id")
                    .bind("thread", thread.value())
                    .map((rs, ctx) -> Map.entry(MemberId.of(rs.getLong("author_id")), rs.getInt("n")))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    @Override
    public List<Post> renderedOtherThan(String version, PostId after, int limit) {
        // walks the primary key from "after": a resumed rerender does not scan the posts it already did
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM posts WHERE id > :after"
                        + " AND (render_version IS NULL OR render_version <> :version) ORDER BY id LIMIT :limit")
                .bind("after", after == null ? Long.MIN_VALUE : after.value()).bind("version", version)
                .bind("limit", limit).map(MAPPER).list());
    }

    @Override
    public long countRenderedOtherThan(String version) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM posts WHERE render_version IS NULL OR render_version <> :version")
                .bind("version", version).mapTo(Long.class).one());
    }

    @Override
    public boolean setRendering(PostId id, String body, String html, String version) {
        // one statement: the body check and the write happen under the row lock the UPDATE takes
        return db.with(h -> h.createUpdate("UPDATE posts SET html = :html, render_version = :version"
                        + " WHERE id = :id AND body = :body")
                .bind("html", html).bind("version", version).bind("id", id.value()).bind("body", body).execute()) == 1;
    }

    @Override
    public void forEach(Consumer<Post> action) {
        db.stream(h -> h.createQuery("SELECT " + COLUMNS + " FROM posts ORDER BY id").setFetchSize(1000)
                .map(MAPPER).forEach(action));
    }

    private static <S extends SqlStatement<S>> S bindChanges(S s, Post post) {
        Edit e = post.lastEdit();
        return Rows.bindDeletion(s, post.deletion())
                .bind("body", post.body())
                .bind("html", post.html())
                .bind("renderVersion", post.renderVersion())
                .bind("editedAt", Rows.ts(e == null ? null : e.at()))
                .bind("editedBy", e == null ? null : e.editorId().value())
                .bind("editCount", e == null ? null : e.count());
    }

    @Override
    public long countVisibleByAuthor(MemberId author, java.util.Set<dev.forumkit.core.board.BoardId> excluded) {
        String boards = excluded.isEmpty() ? "" : " AND t.board_id NOT IN (<boards>)";
        return db.with(h -> {
            var q = h.createQuery("SELECT COUNT(*) FROM posts p JOIN threads t ON t.id = p.thread_id"
                    + " WHERE p.author_id = :author AND p.deleted_at IS NULL AND t.deleted_at IS NULL" + boards)
                    .bind("author", author.value());
            if (!excluded.isEmpty()) {
                q.bindList("boards", excluded.stream().map(b -> b.value()).toList());
            }
            return q.mapTo(Long.class).one();
        });
    }
}
