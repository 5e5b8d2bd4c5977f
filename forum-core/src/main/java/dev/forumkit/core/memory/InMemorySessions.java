package dev.forumkit.core.memory;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.session.Session;
import dev.forumkit.core.session.SessionWithMember;
import dev.forumkit.core.session.Sessions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class InMemorySessions implements Sessions {
    private final Tables db;
    private final Tables.TxMap<String, Session> rows;
    private final InMemoryMembers members;

    InMemorySessions(Tables db, InMemoryMembers members) {
        this.db = db;
        this.rows = db.map();
        this.members = members;
    }

    @Override
    public void add(Session session) {
        db.run(() -> {
            if (rows.get(session.tokenHash()) != null) {
                throw new ConflictException("session token clash");
            }
            rows.put(session.tokenHash(), session);
        });
    }

    @Override
    public Optional<Session> byTokenHash(String tokenHash) {
        return db.read(() -> Optional.ofNullable(rows.get(tokenHash)));
    }

    @Override
    public Optional<SessionWithMember> withMember(String tokenHash) {
        return db.read(() -> Optional.ofNullable(rows.get(tokenHash))
                .flatMap(s -> members.byId(s.memberId()).map(m -> new SessionWithMember(s, m))));
    }

    @Override
    public void extend(String tokenHash, Instant expiresAt) {
        db.run(() -> {
            Session s = rows.get(tokenHash);
            if (s != null) {
                rows.put(tokenHash, new Session(s.tokenHash(), s.memberId(), s.createdAt(), expiresAt, s.userAgent(), s.ip(),
                        s.lastUsedAt()));
            }
        });
    }

    @Override
    public boolean remove(String tokenHash) {
        return db.write(() -> rows.remove(tokenHash) != null);
    }

    @Override
    public int removeAllOf(MemberId member) {
        return db.write(() -> remove(List.copyOf(rows.values()).stream().filter(s -> s.memberId().equals(member)).toList()));
    }

    @Override
    public List<Session> allOf(MemberId member) {
        return db.read(() -> rows.values().stream().filter(s -> s.memberId().equals(member))
                .sorted(java.util.Comparator.comparing(Session::lastUsedAt).reversed().thenComparing(Session::tokenHash))
                .toList());
    }

    @Override
    public void touch(String tokenHash, Instant lastUsedAt) {
        db.run(() -> {
            Session s = rows.get(tokenHash);
            if (s != null) {
                rows.put(tokenHash, new Session(s.tokenHash(), s.memberId(), s.createdAt(), s.expiresAt(), s.userAgent(),
                        s.ip(), lastUsedAt));
            }
        });
    }

    @Override
    public int removeAllOfExcept(MemberId member, String keptTokenHash) {
        return db.write(() -> remove(List.copyOf(rows.values()).stream()
                .filter(s -> s.memberId().equals(member) && !s.tokenHash().equals(keptTokenHash)).toList()));
    }

    /** Everything of the member, for erasing a deleted account. */
    void removeMember(MemberId member) {
        removeAllOf(member);
    }

    @Override
    public int removeExpired(Instant now) {
        return db.write(() -> remove(List.copyOf(rows.values()).stream().filter(s -> !s.activeAt(now)).toList()));
    }

    private int remove(List<Session> doomed) {
        doomed.forEach(s -> rows.remove(s.tokenHash()));
        return doomed.size();
    }
}
