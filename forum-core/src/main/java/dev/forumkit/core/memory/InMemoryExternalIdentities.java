package dev.forumkit.core.memory;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.member.ExternalIdentities;
import dev.forumkit.core.member.ExternalLink;
import dev.forumkit.core.member.MemberId;

import java.util.Optional;

final class InMemoryExternalIdentities implements ExternalIdentities {
    private final Tables db;
    private final Tables.TxMap<String, ExternalLink> rows;
    private final Tables.TxMap<Long, String> byMember;

    InMemoryExternalIdentities(Tables db) {
        this.db = db;
        this.rows = db.map();
        this.byMember = db.map();
    }

    @Override
    public Optional<ExternalLink> find(String issuer, String subject) {
        return db.read(() -> Optional.ofNullable(rows.get(key(issuer, subject))));
    }

    @Override
    public Optional<ExternalLink> byMember(MemberId member) {
        return db.read(() -> Optional.ofNullable(byMember.get(member.value())).map(rows::get));
    }

    @Override
    public void add(ExternalLink link) {
        db.run(() -> {
            String key = key(link.issuer(), link.subject());
            if (rows.get(key) != null) {
                throw new ConflictException("that host user is already linked to a member");
            }
            if (byMember.get(link.memberId().value()) != null) {
                throw new ConflictException("that member is already linked to a host user");
            }
            rows.put(key, link);
            byMember.put(link.memberId().value(), key);
        });
    }

    @Override
    public void update(ExternalLink link) {
        db.run(() -> {
            String key = key(link.issuer(), link.subject());
            ExternalLink old = rows.get(key);
            if (old == null) {
                return;
            }
            if (!old.memberId().equals(link.memberId())) {
                if (byMember.get(link.memberId().value()) != null) {
                    throw new ConflictException("that member is already linked to a host user");
                }
                byMember.remove(old.memberId().value());
                byMember.put(link.memberId().value(), key);
            }
            rows.put(key, link);
        });
    }

    /** The issuer's length first, so no two different pairs give one key. */
    private static String key(String issuer, String subject) {
        return issuer.length() + ":" + issuer + subject;
    }
}
