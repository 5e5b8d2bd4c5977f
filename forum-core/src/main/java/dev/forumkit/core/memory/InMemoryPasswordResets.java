package dev.forumkit.core.memory;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.reset.PasswordReset;
import dev.forumkit.core.reset.PasswordResets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class InMemoryPasswordResets implements PasswordResets {
    private final Tables db;
    private final Tables.TxMap<String, PasswordReset> rows;

    InMemoryPasswordResets(Tables db) {
        this.db = db;
        this.rows = db.map();
    }

    @Override
    public void add(PasswordReset reset) {
        db.run(() -> {
            if (rows.get(reset.tokenHash()) != null) {
                throw new ConflictException("reset token clash");
            }
            rows.put(reset.tokenHash(), reset);
        });
    }

    @Override
    public Optional<PasswordReset> byTokenHash(String tokenHash) {
        return db.read(() -> Optional.ofNullable(rows.get(tokenHash)));
    }

    @Override
    public boolean use(String tokenHash, Instant now) {
        return db.write(() -> {
            PasswordReset r = rows.get(tokenHash);
            if (r == null || !r.usableAt(now)) {
                return false;
            }
            rows.put(tokenHash, used(r, now));
            return true;
        });
    }

    @Override
    public int useAllOf(MemberId member, Instant now) {
        return db.write(() -> {
            List<PasswordReset> open = List.copyOf(rows.values()).stream()
                    .filter(r -> r.member().equals(member) && r.usedAt() == null).toList();
            open.forEach(r -> rows.put(r.tokenHash(), used(r, now)));
            return open.size();
        });
    }

    @Override
    public int removeExpired(Instant now) {
        return db.write(() -> {
            List<PasswordReset> doomed = List.copyOf(rows.values()).stream().filter(r -> !now.isBefore(r.expiresAt())).toList();
            doomed.forEach(r -> rows.remove(r.tokenHash()));
            return doomed.size();
        });
    }

    private static PasswordReset used(PasswordReset r, Instant now) {
        return new PasswordReset(r.tokenHash(), r.member(), r.requestPosition(), r.createdAt(), r.expiresAt(), now);
    }

    /** The member's reset links, used or not, for erasing a deleted account; runs inside a write. */
    void removeMember(MemberId member) {
        rows.values().stream().filter(r -> r.member().equals(member)).map(PasswordReset::tokenHash).toList().forEach(rows::remove);
    }
}
