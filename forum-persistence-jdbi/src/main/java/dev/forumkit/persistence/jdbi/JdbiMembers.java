package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.Ban;
import dev.forumkit.core.member.BoardCounts;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberCounts;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.Members;
import dev.forumkit.core.member.Role;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static dev.forumkit.persistence.jdbi.Column.bigint;
import static dev.forumkit.persistence.jdbi.Column.bool;
import static dev.forumkit.persistence.jdbi.Column.derived;
import static dev.forumkit.persistence.jdbi.Column.integer;
import static dev.forumkit.persistence.jdbi.Column.text;
import static dev.forumkit.persistence.jdbi.Column.time;

final class JdbiMembers implements Members {
    /** The members table, in the order {@link #MAPPER} reads it; the bulk loader writes the same list. */
    static final Table<Member> TABLE = Table.<Member>named("members")
            .column(bigint("id", m -> m.id().value()))
            .column(text("username", Member::username))
            .column(derived(text("username_key", m -> Member.usernameKey(m.username()))))
            .column(text("email", Member::email))
            .column(text("password_hash", Member::passwordHash))
            .column(text("custom_title", Member::customTitle))
            .column(time("joined_at", Member::joinedAt))
            .column(text("role", m -> m.role().name()))
            .column(text("ban_reason", m -> m.ban() == null ? null : m.ban().reason()))
            .column(time("ban_since", m -> m.ban() == null ? null : m.ban().since()))
            .column(time("ban_until", m -> m.ban() == null ? null : m.ban().until()))
            .column(bigint("banned_by", m -> m.ban() == null ? null : m.ban().bannedBy().value()))
            .column(integer("message_count", Member::messageCount))
            .column(bigint("reaction_score", Member::reactionScore))
            .column(bool("email_verified", Member::emailVerified))
            .build();
    private static final String COLUMNS = TABLE.select();
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM members WHERE id = ?";

    // by column position (the order of TABLE), not by name: a name lookup per column per row showed in profiles
    static final RowMapper<Member> MAPPER = (rs, ctx) -> {
        Instant banSince = Rows.instant(rs, 9);
        Ban ban = banSince == null ? null
                : new Ban(rs.getString(8), banSince, Rows.instant(rs, 10), Rows.memberId(rs, 11));
        return new Member(MemberId.of(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Rows.instant(rs, 6), Role.valueOf(rs.getString(7)), ban, rs.getInt(12), rs.getLong(13), rs.getBoolean(14));
    };

    private final JdbiTransactions db;

    JdbiMembers(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Member add(Member member) {
        String sql = db.dialect().returning("INSERT INTO members (username, username_key, email, password_hash, custom_title,"
                + " joined_at, role, ban_reason, ban_since, ban_until, banned_by, message_count, reaction_score, email_verified)"
                + " VALUES (:username, :usernameKey, :email, :passwordHash, :customTitle, :joinedAt, :role,"
                + " :banReason, :banSince, :banUntil, :bannedBy, :messageCount, :reactionScore, :emailVerified)", "id");
        long id = db.with(h -> bindFields(h.createQuery(sql), member)
                .bind("messageCount", member.messageCount())
                .bind("reactionScore", member.reactionScore())
                .mapTo(Long.class).one());
        return member.withId(MemberId.of(id));
    }

    @Override
    public Optional<Member> byId(MemberId id) {
        // a reply's read (twice: the session, the transaction): plain JDBC (task h2writer)
        return db.plain(BY_ID, s -> s.setLong(1, id.value()),
                rs -> rs.next() ? Optional.of(MAPPER.map(rs, null)) : Optional.empty());
    }

    @Override
    public Map<MemberId, Member> byIds(Collection<MemberId> ids) {
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        List<Long> values = ids.stream().map(MemberId::value).distinct().toList();
        // a thread page's read on the JSON API: plain JDBC, bound by position (tasks pageread, pagejdbc)
        return db.plain("SELECT " + COLUMNS + " FROM members WHERE id IN (" + Rows.marks(values.size()) + ")",
                s -> Rows.setLongs(s, values), rs -> {
                    Map<MemberId, Member> out = new HashMap<>();
                    while (rs.next()) {
                        Member m = MAPPER.map(rs, null);
                        out.put(m.id(), m);
                    }
                    return out;
                });
    }

    @Override
    public Optional<Member> byUsername(String username) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM members WHERE username_key = :key")
                .bind("key", Member.usernameKey(username)).map(MAPPER).findOne());
    }

    @Override
    public Optional<Member> byEmail(String normalisedEmail) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM members WHERE email = :email")
                .bind("email", Member.normaliseEmail(normalisedEmail)).map(MAPPER).findOne());
    }

    @Override
    public void update(Member member) {
        int n = db.with(h -> bindFields(h.createUpdate("UPDATE members SET username = :username, username_key = :usernameKey,"
                + " email = :email, password_hash = :passwordHash, custom_title = :customTitle, joined_at = :joinedAt,"
                + " role = :role, ban_reason = :banReason, ban_since = :banSince, ban_until = :banUntil,"
                + " banned_by = :bannedBy, email_verified = :emailVerified WHERE id = :id"), member)
                .bind("id", member.id().value()).execute());
        found(n, member.id());
    }

    @Override
    public void addCounters(MemberId id, int messageDelta, long reactionScoreDelta) {
        // held back on PostgreSQL, a plain JDBC statement on H2 (task h2writer)
        db.write("UPDATE members SET message_count = message_count + ?, reaction_score = reaction_score + ? WHERE id = ?",
                n -> found(n, id), messageDelta, reactionScoreDelta, id.value());
    }

    @Override
    public void setCounters(MemberId id, int messageCount, long reactionScore) {
        int n = db.with(h -> h.createUpdate("UPDATE members SET message_count = :messages, reaction_score = :score WHERE id = :id")
                .bind("messages", messageCount).bind("score", reactionScore).bind("id", id.value()).execute());
        found(n, id);
    }

    @Override
    public void addCounters(MemberId id, BoardId board, int messageDelta, long reactionScoreDelta) {
        if (db.defers()) {
            // one statement: the member's row first (its lock makes the board row ours), then the board row, upserted
            db.later("WITH m AS (UPDATE members SET message_count = message_count + ?, reaction_score = reaction_score + ?"
                            + " WHERE id = ? RETURNING id)"
                            + " INSERT INTO member_board_counts (member_id, board_id, message_count, reaction_score)"
                            + " SELECT id, ?, ?, ? FROM m ON CONFLICT (member_id, board_id) DO UPDATE SET"
                            + " message_count = member_board_counts.message_count + EXCLUDED.message_count,"
                            + " reaction_score = member_board_counts.reaction_score + EXCLUDED.reaction_score",
                    n -> found(n, id), messageDelta, reactionScoreDelta, id.value(), board.value(), messageDelta,
                    reactionScoreDelta);
            return;
        }
        addCounters(id, messageDelta, reactionScoreDelta); // locks the member's row: the board row below is then ours
        int n = db.plainUpdate("UPDATE member_board_counts SET message_count = message_count + ?,"
                        + " reaction_score = reaction_score + ? WHERE member_id = ? AND board_id = ?",
                messageDelta, reactionScoreDelta, id.value(), board.value());
        if (n == 0) {
            db.plainUpdate("INSERT INTO member_board_counts (member_id, board_id, message_count, reaction_score)"
                    + " VALUES (?, ?, ?, ?)", id.value(), board.value(), messageDelta, reactionScoreDelta);
        }
    }

    @Override
    public Map<MemberId, MemberCounts> countsOn(Collection<MemberId> ids, Set<BoardId> boards) {
        Map<MemberId, MemberCounts> out = new HashMap<>();
        if (ids.isEmpty() || boards.isEmpty()) {
            return out;
        }
        db.with(h -> h.createQuery("SELECT member_id, SUM(message_count), SUM(reaction_score) FROM member_board_counts"
                        + " WHERE member_id IN (<ids>) AND board_id IN (<boards>) GROUP BY member_id")
                .bindList("ids", ids.stream().map(MemberId::value).distinct().toList())
                .bindList("boards", boards.stream().map(BoardId::value).toList())
                .map((rs, ctx) -> Map.entry(MemberId.of(rs.getLong(1)), new MemberCounts(rs.getInt(2), rs.getLong(3))))
                .list()).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public void setBoardCounts(BoardCounts c) {
        db.with(h -> {
            h.createUpdate("DELETE FROM member_board_counts WHERE member_id = :member AND board_id = :board")
                    .bind("member", c.member().value()).bind("board", c.board().value()).execute();
            if (!c.isZero()) {
                h.createUpdate("INSERT INTO member_board_counts (member_id, board_id, message_count, reaction_score)"
                                + " VALUES (:member, :board, :messages, :score)")
                        .bind("member", c.member().value()).bind("board", c.board().value())
                        .bind("messages", c.messageCount()).bind("score", c.reactionScore()).execute();
            }
            return null;
        });
    }

    @Override
    public void forEachBoardCounts(Consumer<BoardCounts> action) {
        db.stream(h -> h.createQuery("SELECT member_id, board_id, message_count, reaction_score FROM member_board_counts"
                        + " WHERE message_count <> 0 OR reaction_score <> 0")
                .setFetchSize(1000)
                .map((rs, ctx) -> new BoardCounts(MemberId.of(rs.getLong(1)), BoardId.of(rs.getLong(2)), rs.getInt(3), rs.getLong(4)))
                .forEach(action));
    }

    @Override
    public List<Member> page(dev.forumkit.core.member.MemberSort sort, Set<BoardId> leftOut, int offset, int limit) {
        if (leftOut.isEmpty()) {
            return page(sort, offset, limit);
        }
        // the counts on the left-out boards, subtracted before ordering (the member's own columns sort otherwise)
        String order = switch (sort) {
            case NAME -> "m.username_key, m.id";
            case JOINED -> "m.joined_at DESC, m.id";
            case MESSAGES -> "seen_messages DESC, m.id";
            case REACTION_SCORE -> "seen_score DESC, m.id";
        };
        String columns = TABLE.select("m");
        return db.with(h -> h.createQuery("SELECT " + columns + ", m.message_count - COALESCE(o.messages, 0) AS seen_messages,"
                        + " m.reaction_score - COALESCE(o.score, 0) AS seen_score FROM members m LEFT JOIN ("
                        + "SELECT member_id, SUM(message_count) AS messages, SUM(reaction_score) AS score"
                        + " FROM member_board_counts WHERE board_id IN (<boards>) GROUP BY member_id) o ON o.member_id = m.id"
                        + " WHERE m.password_hash <> :deleted ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .bindList("boards", leftOut.stream().map(BoardId::value).toList())
                .bind("deleted", Member.DELETED_PASSWORD_HASH).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> MAPPER.map(rs, ctx).withCounters(rs.getInt("seen_messages"), rs.getLong("seen_score")))
                .list());
    }

    @Override
    public List<Member> page(dev.forumkit.core.member.MemberSort sort, int offset, int limit) {
        String order = switch (sort) {
            case NAME -> "username_key, id";
            case JOINED -> "joined_at DESC, id";
            case MESSAGES -> "message_count DESC, id";
            case REACTION_SCORE -> "reaction_score DESC, id";
        };
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM members WHERE password_hash <> :deleted ORDER BY "
                        + order + " LIMIT :limit OFFSET :offset")
                .bind("deleted", Member.DELETED_PASSWORD_HASH).bind("limit", limit).bind("offset", offset).map(MAPPER).list());
    }

    @Override
    public long countListed() {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM members WHERE password_hash <> :deleted")
                .bind("deleted", Member.DELETED_PASSWORD_HASH).mapTo(Long.class).one());
    }

    @Override
    public long count() {
        return db.with(h -> {
            if (db.inWriteTransaction()) {
                // a command that counts members decides on the count (the first member becomes admin): hold the
                // members lock row until commit, so a concurrent registration counts after this one is in
                h.createQuery("SELECT name FROM forum_locks WHERE name = 'members' FOR UPDATE").mapTo(String.class).one();
            }
            return h.createQuery("SELECT COUNT(*) FROM members").mapTo(Long.class).one();
        });
    }

    @Override
    public boolean hasAdmin() {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM members WHERE role = :role")
                .bind("role", Role.ADMIN.name()).mapTo(Long.class).one()) > 0;
    }

    @Override
    public List<MemberId> withRole(Role role, int limit) {
        return db.with(h -> h.createQuery("SELECT id FROM members WHERE role = :role ORDER BY id LIMIT :limit")
                .bind("role", role.name()).bind("limit", limit).mapTo(Long.class).map(MemberId::of).list());
    }

    @Override
    public void forEach(Consumer<Member> action) {
        db.stream(h -> h.createQuery("SELECT " + COLUMNS + " FROM members ORDER BY id")
                .setFetchSize(1000).map(MAPPER).forEach(action));
    }

    private static <S extends SqlStatement<S>> S bindFields(S s, Member m) {
        Ban ban = m.ban();
        return s.bind("username", m.username())
                .bind("usernameKey", Member.usernameKey(m.username()))
                .bind("email", m.email()) // as given, like the in-memory adapter; lookups normalise
                .bind("passwordHash", m.passwordHash())
                .bind("customTitle", m.customTitle())
                .bind("joinedAt", Rows.ts(m.joinedAt()))
                .bind("role", m.role().name())
                .bind("banReason", ban == null ? null : ban.reason())
                .bind("banSince", Rows.ts(ban == null ? null : ban.since()))
                .bind("banUntil", Rows.ts(ban == null ? null : ban.until()))
                .bind("bannedBy", ban == null ? null : ban.bannedBy().value())
                .bind("emailVerified", m.emailVerified());
    }

    private static void found(int rows, MemberId id) {
        if (rows == 0) {
            throw new NotFoundException("no member " + id);
        }
    }
}
