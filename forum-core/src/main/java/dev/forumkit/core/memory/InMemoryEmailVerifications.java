package dev.forumkit.core.memory;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.verify.EmailVerification;
import dev.forumkit.core.verify.EmailVerifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

final class InMemoryEmailVerifications implements EmailVerifications {
    private final Tables db;
    private final Tables.TxMap<String, EmailVerification> rows;

    InMemoryEmailVerifications(Tables db) {
        this.db = db;
        this.rows = db.map();
    }

    @Override
    public void add(EmailVerification link) {
        db.run(() -> {
            if (rows.get(link.tokenHash()) != null) {
                throw new ConflictException("verification token clash");
            }
            rows.put(link.tokenHash(), link);
        });
    }

    @Override
    public Optional<EmailVerification> byTokenHash(String tokenHash) {
        return db.read(() -> Optional.ofNullable(rows.get(tokenHash)));
    }

    @Override
    public boolean use(String tokenHash, Instant now) {
        return db.write(() -> {
            EmailVerification link = rows.get(tokenHash);
            if (link == null || !link.usableAt(now)) {
                return false;
            }
            rows.put(tokenHash, link.usedAt(now));
            return true;
        });
    }

    @Override
    public int supersede(MemberId member, EmailVerification.Purpose purpose, long beforePosition, Instant now) {
        return close(l -> l.member().equals(member) && l.purpose() == purpose && l.requestPosition() < beforePosition, now);
    }

    @Override
    public int useAllOf(MemberId member, Instant now) {
        return close(l -> l.member().equals(member), now);
    }

    private int close(Predicate<EmailVerification> which, Instant now) {
        return db.write(() -> {
            List<EmailVerification> open = List.copyOf(rows.values()).stream()
                    .filter(l -> l.usedAt() == null).filter(which).toList();
            open.forEach(l -> rows.put(l.tokenHash(), l.usedAt(now)));
            return open.size();
        });
    }

    @Override
    public int removeExpired(Instant now) {
        return db.write(() -> {
            List<EmailVerification> doomed = List.copyOf(rows.values()).stream()
                    .filter(l -> !now.isBefore(l.expiresAt())).toList();
            doomed.forEach(l -> rows.remove(l.tokenHash()));
            return doomed.size();
        });
    }

    /** The member's verification links, for erasing a deleted account; runs inside a write. */
    void removeMember(MemberId member) {
        rows.values().stream().filter(r -> r.member().equals(member)).map(EmailVerification::tokenHash).toList()
                .forEach(rows::remove);
    }
}
