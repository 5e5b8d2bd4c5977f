package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.reaction.Reactions;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static dev.forumkit.persistence.jdbi.Column.bigint;
import static dev.forumkit.persistence.jdbi.Column.text;
import static dev.forumkit.persistence.jdbi.Column.time;

final class JdbiReactions implements Reactions {
    /** The reactions table; the bulk loader writes the same list. */
    static final Table<Reaction> TABLE = Table.<Reaction>named("reactions")
            .column(bigint("post_id", r -> r.postId().value()))
            .column(bigint("member_id", r -> r.memberId().value()))
            .column(bigint("receiver_id", r -> r.receiverId().value()))
            .column(text("type", Reaction::type))
            .column(time("created_at", Reaction::createdAt))
            .build();
    private static final String COLUMNS = TABLE.select();

    static final RowMapper<Reaction> MAPPER = (rs, ctx) -> new Reaction(PostId.of(rs.getLong("post_id")),
            MemberId.of(rs.getLong("member_id")), MemberId.of(rs.getLong("receiver_id")), rs.getString("type"),
            Rows.instant(rs, "created_at"));

    static final String TYPES_BY = "SELECT post_id, type FROM reactions WHERE member_id = ? AND post_id IN (";

    private final JdbiTransactions db;

    JdbiReactions(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Optional<Reaction> find(PostId post, MemberId member) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM reactions WHERE post_id = :post AND member_id = :member")
                .bind("post", post.value()).bind("member", member.value()).map(MAPPER).findOne());
    }

    @Override
    public void put(Reaction r) {
        // the services change reactions on a post only under its thread's row lock, so update-then-insert cannot race
        db.use(h -> {
            int n = h.createUpdate("UPDATE reactions SET receiver_id = :receiver, type = :type, created_at = :at"
                            + " WHERE post_id = :post AND member_id = :member")
                    .bind("receiver", r.receiverId().value()).bind("type", r.type()).bind("at", Rows.ts(r.createdAt()))
                    .bind("post", r.postId().value()).bind("member", r.memberId().value()).execute();
            if (n == 0) {
                h.createUpdate("INSERT INTO reactions (" + COLUMNS + ") VALUES (:post, :member, :receiver, :type, :at)")
                        .bind("receiver", r.receiverId().value()).bind("type", r.type()).bind("at", Rows.ts(r.createdAt()))
                        .bind("post", r.postId().value()).bind("member", r.memberId().value()).execute();
            }
        });
    }

    @Override
    public boolean remove(PostId post, MemberId member) {
        return db.with(h -> h.createUpdate("DELETE FROM reactions WHERE post_id = :post AND member_id = :member")
                .bind("post", post.value()).bind("member", member.value()).execute()) > 0;
    }

    @Override
    public Map<PostId, Map<String, Integer>> countsByPost(Collection<PostId> posts) {
        Map<PostId, Map<String, Integer>> out = new HashMap<>();
        if (posts.isEmpty()) {
            return out;
        }
        List<Long> ids = posts.stream().map(PostId::value).distinct().toList();
        // bound by position and read by position (a thread page's read: task pageread), plain JDBC on the
        // transaction's connection (task pagejdbc)
        db.plain("SELECT post_id, type, COUNT(*) FROM reactions WHERE post_id IN (" + Rows.marks(ids.size())
                + ") GROUP BY post_id, type", s -> Rows.setLongs(s, ids), rs -> {
            while (rs.next()) {
                out.computeIfAbsent(PostId.of(rs.getLong(1)), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
            }
            return null;
        });
        return out;
    }

    @Override
    public Map<PostId, String> typesBy(MemberId member, Collection<PostId> posts) {
        Map<PostId, String> out = new HashMap<>();
        if (posts.isEmpty()) {
            return out;
        }
        List<Long> ids = posts.stream().map(PostId::value).distinct().toList();
        // a signed-in thread page's read: plain JDBC, bound and read by position (task signedplain)
        db.plain(TYPES_BY + Rows.marks(ids.size()) + ")", s -> {
            s.setLong(1, member.value());
            for (int i = 0; i < ids.size(); i++) {
                s.setLong(i + 2, ids.get(i));
            }
        }, rs -> {
            while (rs.next()) {
                out.put(PostId.of(rs.getLong(1)), rs.getString(2));
            }
            return null;
        });
        return out;
    }

    @Override
    public Map<MemberId, Map<String, Integer>> countsByReceiverInThread(ThreadId thread) {
        Map<MemberId, Map<String, Integer>> out = new HashMap<>();
        db.use(h -> h.createQuery("SELECT p.author_id, r.type, COUNT(*) AS n FROM posts p JOIN reactions r ON r.post_id = p.id"
                        + " WHERE p.thread_id = :thread AND p.deleted_at IS NULL GROUP BY p.author_id, r.type")
                .bind("thread", thread.value())
                .map((rs, ctx) -> new Object[] {MemberId.of(rs.getLong("author_id")), rs.getString("type"), rs.getInt("n")})
                .forEach(row -> out.computeIfAbsent((MemberId) row[0], k -> new HashMap<>()).put((String) row[1], (Integer) row[2])));
        return out;
    }

    @Override
    public void forEach(Consumer<Reaction> action) {
        db.stream(h -> h.createQuery("SELECT " + COLUMNS + " FROM reactions ORDER BY post_id, member_id").setFetchSize(1000)
                .map(MAPPER).forEach(action));
    }

    @Override
    public Map<String, Integer> receivedBy(MemberId author, java.util.Set<dev.forumkit.core.board.BoardId> excluded) {
        String boards = excluded.isEmpty() ? "" : " AND t.board_id NOT IN (<boards>)";
        Map<String, Integer> out = new HashMap<>();
        db.use(h -> {
            var q = h.createQuery("SELECT r.type, COUNT(*) AS n FROM posts p JOIN threads t ON t.id = p.thread_id"
                    + " JOIN reactions r ON r.post_id = p.id WHERE p.author_id = :author AND p.deleted_at IS NULL"
                    + " AND t.deleted_at IS NULL" + boards + " GROUP BY r.type").bind("author", author.value());
            if (!excluded.isEmpty()) {
                q.bindList("boards", excluded.stream().map(b -> b.value()).toList());
            }
            q.map((rs, ctx) -> Map.entry(rs.getString("type"), rs.getInt("n"))).forEach(e -> out.put(e.getKey(), e.getValue()));
        });
        return out;
    }
}
