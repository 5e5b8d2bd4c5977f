package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.session.Session;
import dev.forumkit.core.session.Sessions;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Optional;

final class JdbiSessions implements Sessions {
    private static final RowMapper<Session> MAPPER = (rs, ctx) -> new Session(rs.getString("token_hash"),
            MemberId.of(rs.getLong("member_id")), Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"));

    private final JdbiTransactions db;

    JdbiSessions(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void add(Session s) {
        db.use(h -> h.createUpdate("INSERT INTO sessions (token_hash, member_id, created_at, expires_at)"
                        + " VALUES (:hash, :member, :created, :expires)")
                .bind("hash", s.tokenHash()).bind("member", s.memberId().value())
                .bind("created", Rows.ts(s.createdAt())).bind("expires", Rows.ts(s.expiresAt())).execute());
    }

    @Override
    public Optional<Session> byTokenHash(String tokenHash) {
        return db.with(h -> h.createQuery("SELECT token_hash, member_id, created_at, expires_at FROM sessions"
                + " WHERE token_hash = :hash").bind("hash", tokenHash).map(MAPPER).findOne());
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
    public int removeExpired(Instant now) {
        // the in-memory adapter's rule: a session is over once now is not before its expiry
        return db.with(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now").bind("now", Rows.ts(now)).execute());
    }
}
