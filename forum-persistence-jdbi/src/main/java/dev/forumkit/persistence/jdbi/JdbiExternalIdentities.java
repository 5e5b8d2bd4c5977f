package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.member.ExternalIdentities;
import dev.forumkit.core.member.ExternalLink;
import dev.forumkit.core.member.MemberId;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Optional;

final class JdbiExternalIdentities implements ExternalIdentities {
    private static final String COLUMNS = "issuer, subject, member_id, avatar_url";
    private static final RowMapper<ExternalLink> MAPPER = (rs, ctx) -> new ExternalLink(rs.getString(1), rs.getString(2),
            MemberId.of(rs.getLong(3)), rs.getString(4));

    private final JdbiTransactions db;

    JdbiExternalIdentities(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Optional<ExternalLink> find(String issuer, String subject) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM external_identities WHERE issuer = :issuer AND subject = :subject")
                .bind("issuer", issuer).bind("subject", subject).map(MAPPER).findOne());
    }

    @Override
    public Optional<ExternalLink> byMember(MemberId member) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM external_identities WHERE member_id = :member")
                .bind("member", member.value()).map(MAPPER).findOne());
    }

    @Override
    public void add(ExternalLink link) {
        // a duplicate (issuer, subject) or member violates a unique key: Errors turns it into a ConflictException
        db.use(h -> h.createUpdate("INSERT INTO external_identities (" + COLUMNS + ") VALUES (:issuer, :subject, :member, :avatar)")
                .bind("issuer", link.issuer()).bind("subject", link.subject()).bind("member", link.memberId().value())
                .bind("avatar", link.avatarUrl()).execute());
    }

    @Override
    public void update(ExternalLink link) {
        db.use(h -> h.createUpdate("UPDATE external_identities SET member_id = :member, avatar_url = :avatar"
                        + " WHERE issuer = :issuer AND subject = :subject")
                .bind("issuer", link.issuer()).bind("subject", link.subject()).bind("member", link.memberId().value())
                .bind("avatar", link.avatarUrl()).execute());
    }
}
