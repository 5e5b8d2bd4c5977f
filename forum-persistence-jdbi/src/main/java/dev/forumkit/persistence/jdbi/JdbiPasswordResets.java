package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.reset.PasswordReset;
import dev.forumkit.core.reset.PasswordResets;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Optional;

final class JdbiPasswordResets implements PasswordResets {
    private static final RowMapper<PasswordReset> MAPPER = (rs, ctx) -> new PasswordReset(rs.getString("token_hash"),
            MemberId.of(rs.getLong("member_id")), rs.getLong("request_position"), Rows.instant(rs, "created_at"),
            Rows.instant(rs, "expires_at"), Rows.instant(rs, "used_at"));

    private final JdbiTransactions db;

    JdbiPasswordResets(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void add(PasswordReset r) {
        db.use(h -> h.createUpdate("INSERT INTO password_resets (token_hash, member_id, request_position, created_at,"
                        + " expires_at, used_at) VALUES (:hash, :member, :position, :created, :expires, :used)")
                .bind("hash", r.tokenHash()).bind("member", r.member().value()).bind("position", r.requestPosition())
                .bind("created", Rows.ts(r.createdAt())).bind("expires", Rows.ts(r.expiresAt()))
                .bind("used", Rows.ts(r.usedAt())).execute());
    }

    @Override
    public Optional<PasswordReset> byTokenHash(String tokenHash) {
        return db.with(h -> h.createQuery("SELECT token_hash, member_id, request_position, created_at, expires_at, used_at"
                + " FROM password_resets WHERE token_hash = :hash").bind("hash", tokenHash).map(MAPPER).findOne());
    }

    @Override
    public boolean use(String tokenHash, Instant now) {
        // one conditional update: the row lock lets exactly one of two concurrent uses match
        return db.with(h -> h.createUpdate("UPDATE password_resets SET used_at = :now WHERE token_hash = :hash"
                + " AND used_at IS NULL AND expires_at > :now").bind("now", Rows.ts(now)).bind("hash", tokenHash).execute()) > 0;
    }

    @Override
    public int useAllOf(MemberId member, Instant now) {
        return db.with(h -> h.createUpdate("UPDATE password_resets SET used_at = :now WHERE member_id = :member"
                + " AND used_at IS NULL").bind("now", Rows.ts(now)).bind("member", member.value()).execute());
    }

    @Override
    public int removeExpired(Instant now) {
        return db.with(h -> h.createUpdate("DELETE FROM password_resets WHERE expires_at <= :now")
                .bind("now", Rows.ts(now)).execute());
    }
}
