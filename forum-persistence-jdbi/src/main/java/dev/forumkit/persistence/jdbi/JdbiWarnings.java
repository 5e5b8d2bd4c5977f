package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.warning.Warning;
import dev.forumkit.core.warning.WarningId;
import dev.forumkit.core.warning.Warnings;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;

final class JdbiWarnings implements Warnings {
    private static final RowMapper<Warning> MAPPER = (rs, ctx) -> new Warning(WarningId.of(rs.getLong(1)),
            MemberId.of(rs.getLong(2)), PostId.of(rs.getLong(3)), ThreadId.of(rs.getLong(4)), MemberId.of(rs.getLong(5)),
            rs.getInt(6), rs.getString(7), Rows.instant(rs, 8), Rows.instant(rs, 9), Rows.memberId(rs, 10), Rows.instant(rs, 11));
    private static final String COLUMNS = "id, member_id, post_id, thread_id, issued_by, points, reason, issued_at,"
            + " expires_at, revoked_by, revoked_at";

    private final JdbiTransactions db;
    private final String insert;

    JdbiWarnings(JdbiTransactions db) {
        this.db = db;
        this.insert = db.dialect().returning("INSERT INTO warnings (member_id, post_id, thread_id, issued_by, points, reason,"
                + " issued_at, expires_at) VALUES (:member, :post, :thread, :by, :points, :reason, :issued, :expires)", "id");
    }

    @Override
    public Warning add(Warning w) {
        long id = db.with(h -> h.createQuery(insert).bind("member", w.member().value()).bind("post", w.post().value())
                .bind("thread", w.thread().value()).bind("by", w.issuedBy().value()).bind("points", w.points())
                .bind("reason", w.reason()).bind("issued", Rows.ts(w.issuedAt())).bind("expires", Rows.ts(w.expiresAt()))
                .mapTo(Long.class).one());
        return w.withId(WarningId.of(id));
    }

    @Override
    public List<Warning> ofMember(MemberId member) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM warnings WHERE member_id = :member"
                        + " ORDER BY issued_at DESC, id DESC")
                .bind("member", member.value()).map(MAPPER).list());
    }

    @Override
    public java.util.Optional<Warning> byId(WarningId id) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM warnings WHERE id = :id").bind("id", id.value())
                .map(MAPPER).findOne());
    }

    @Override
    public boolean revoke(WarningId id, MemberId by, java.time.Instant at) {
        return db.with(h -> h.createUpdate("UPDATE warnings SET revoked_by = :by, revoked_at = :at"
                        + " WHERE id = :id AND revoked_at IS NULL")
                .bind("by", by.value()).bind("at", Rows.ts(at)).bind("id", id.value()).execute()) == 1;
    }
}
