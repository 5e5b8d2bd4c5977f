package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.session.Session;
import dev.forumkit.core.session.SessionWithMember;
import dev.forumkit.core.session.Sessions;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class JdbiSessions implements Sessions {
    private static final String COLUMNS = "token_hash, member_id, created_at, expires_at, user_agent, ip, last_used_at";
    private static final RowMapper<Session> MAPPER = (rs, ctx) -> new Session(rs.getString("token_hash"),
            MemberId.of(rs.getLong("member_id")), Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"),
            rs.getString("user_agent"), rs.getString("ip"), Rows.instant(rs, "last_used_at"));

    /** The member's columns first (its mapper reads by position 1-14), then the session's by name. */
    private static final String WITH_MEMBER = "SELECT " + JdbiMembers.TABLE.select("m")
            + ", s.token_hash, s.member_id, s.created_at, s.expires_at, s.user_agent, s.ip, s.last_used_at"
            + " FROM sessions s JOIN members m ON m.id = s.member_id WHERE s.token_hash = ?";

    private final JdbiTransactions db;

    JdbiSessions(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void add(Session s) {
        db.use(h -> h.createUpdate("INSERT INTO sessions (" + COLUMNS + ")"
                        + " VALUES (:hash, :member, :created, :expires, :agent, :ip, :used)")
                .bind("hash", s.tokenHash()).bind("member", s.memberId().value())
                .bind("agent", s.userAgent()).bind("ip", s.ip()).bind("used", Rows.ts(s.lastUsedAt()))
                .bind("created", Rows.ts(s.createdAt())).bind("expires", Rows.ts(s.expiresAt())).execute());
    }

    @Override
    public Optional<Session> byTokenHash(String tokenHash) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM sessions WHERE token_hash = :hash").bind("hash", tokenHash).map(MAPPER).findOne());
    }

    @Override
    public Optional<SessionWithMember> withMember(String tokenHash) {
        // every signed-in request's read: plain JDBC (task signedplain)
        return db.plain(WITH_MEMBER, s -> s.setString(1, tokenHash), rs -> rs.next()
                ? Optional.of(new SessionWithMember(MAPPER.map(rs, null), JdbiMembers.MAPPER.map(rs, null))) : Optional.empty());
    }

    @Override
    public void extend(String tokenHash, Instant expiresAt) {
        db.use(h -> h.createUpdate("UPDATE sessions SET expires_at = :expires WHERE token_hash = :hash")
                .bind("expires", Rows.ts(expiresAt)).bind("hash", tokenHash).execute());
    }

    @Override
    public boolean remove(String tokenHash) {
        return db.with(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash").bind("hash", tokenHash).execute()) > 0;
    }

    @Override
    public int removeAllOf(MemberId member) {
        return db.with(h -> h.createUpdate("DELETE FROM sessions WHERE member_id = :member").bind("member", member.value()).execute());
    }

    @Override
    public List<Session> allOf(MemberId member) {
        // rows from before V15 have no last_used_at: their creation stands in, as the mapper does
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM sessions WHERE member_id = :member")
                .bind("member", member.value()).map(MAPPER).list()).stream()
                .sorted(Comparator.comparing(Session::lastUsedAt).reversed().thenComparing(Session::tokenHash)).toList();
    }

    @Override
    public void touch(String tokenHash, Instant lastUsedAt) {
        db.use(h -> h.createUpdate("UPDATE sessions SET last_used_at = :used WHERE token_hash = :hash")
                .bind("used", Rows.ts(lastUsedAt)).bind("hash", tokenHash).execute());
    }

    @Override
    public int removeAllOfExcept(MemberId member, String keptTokenHash) {
        return db.with(h -> h.createUpdate("DELETE FROM sessions WHERE member_id = :member AND token_hash <> :kept")
                .bind("member", member.value()).bind("kept", keptTokenHash).execute());
    }

    @Override
    public int removeExpired(Instant now) {
        // the in-memory adapter's rule: a session is over once now is not before its expiry
        return db.with(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now").bind("now", Rows.ts(now)).execute());
    }
}
