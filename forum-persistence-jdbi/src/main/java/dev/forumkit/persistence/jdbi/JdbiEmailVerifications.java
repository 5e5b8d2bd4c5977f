package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.verify.EmailVerification;
import dev.forumkit.core.verify.EmailVerifications;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Optional;

final class JdbiEmailVerifications implements EmailVerifications {
    private static final RowMapper<EmailVerification> MAPPER = (rs, ctx) -> new EmailVerification(rs.getString("token_hash"),
            MemberId.of(rs.getLong("member_id")), rs.getString("email"), EmailVerification.Purpose.valueOf(rs.getString("purpose")),
            rs.getLong("request_position"), Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"),
            Rows.instant(rs, "used_at"));

    private final JdbiTransactions db;

    JdbiEmailVerifications(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void add(EmailVerification l) {
        db.use(h -> h.createUpdate("INSERT INTO email_verifications (token_hash, member_id, email, purpose, request_position,"
                        + " created_at, expires_at, used_at) VALUES (:hash, :member, :email, :purpose, :position, :created,"
                        + " :expires, :used)")
                .bind("hash", l.tokenHash()).bind("member", l.member().value()).bind("email", l.email())
                .bind("purpose", l.purpose().name()).bind("position", l.requestPosition())
                .bind("created", Rows.ts(l.createdAt())).bind("expires", Rows.ts(l.expiresAt()))
                .bind("used", Rows.ts(l.usedAt())).execute());
    }

    @Override
    public Optional<EmailVerification> byTokenHash(String tokenHash) {
        return db.with(h -> h.createQuery("SELECT token_hash, member_id, email, purpose, request_position, created_at,"
                + " expires_at, used_at FROM email_verifications WHERE token_hash = :hash")
                .bind("hash", tokenHash).map(MAPPER).findOne());
    }

    @Override
    public boolean use(String tokenHash, Instant now) {
        // one conditional update: the row lock lets exactly one of two concurrent uses match
        return db.with(h -> h.createUpdate("UPDATE email_verifications SET used_at = :now WHERE token_hash = :hash"
                + " AND used_at IS NULL AND expires_at > :now").bind("now", Rows.ts(now)).bind("hash", tokenHash).execute()) > 0;
    }

    @Override
    public int supersede(MemberId member, EmailVerification.Purpose purpose, long beforePosition, Instant now) {
        return db.with(h -> h.createUpdate("UPDATE email_verifications SET used_at = :now WHERE member_id = :member"
                        + " AND purpose = :purpose AND request_position < :before AND used_at IS NULL")
                .bind("now", Rows.ts(now)).bind("member", member.value()).bind("purpose", purpose.name())
                .bind("before", beforePosition).execute());
    }

    @Override
    public int useAllOf(MemberId member, Instant now) {
        return db.with(h -> h.createUpdate("UPDATE email_verifications SET used_at = :now WHERE member_id = :member"
                + " AND used_at IS NULL").bind("now", Rows.ts(now)).bind("member", member.value()).execute());
    }

    @Override
    public int removeExpired(Instant now) {
        return db.with(h -> h.createUpdate("DELETE FROM email_verifications WHERE expires_at <= :now")
                .bind("now", Rows.ts(now)).execute());
    }
}
