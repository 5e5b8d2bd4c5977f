package dev.forumkit.core.memory;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.profile.Profile;
import dev.forumkit.core.profile.Profiles;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class InMemoryProfiles implements Profiles {
    /** The other tables that keep personal data, emptied of a deleted member's rows in one write. */
    record PersonalData(InMemorySessions sessions, InMemoryAlerts alerts, InMemoryWatches watches,
                        InMemoryAlertPreferences alertPreferences, InMemoryIgnores ignores,
                        InMemoryPasswordResets passwordResets, InMemoryEmailVerifications emailVerifications,
                        InMemoryEmailNotices emailNotices) {
    }

    private final Tables db;
    private final Tables.TxMap<Long, Profile> rows;
    private final PersonalData others;

    InMemoryProfiles(Tables db, PersonalData others) {
        this.db = db;
        this.rows = db.map();
        this.others = others;
    }

    @Override
    public Optional<Profile> byMember(MemberId member) {
        return db.read(() -> Optional.ofNullable(rows.get(member.value())));
    }

    @Override
    public Map<MemberId, Profile> byMembers(Collection<MemberId> members) {
        return db.read(() -> {
            Map<MemberId, Profile> out = new HashMap<>();
            for (MemberId m : members) {
                Profile p = rows.get(m.value());
                if (p != null) {
                    out.put(m, p);
                }
            }
            return out;
        });
    }

    @Override
    public void put(Profile profile) {
        db.run(() -> {
            Profile old = rows.get(profile.memberId().value());
            rows.put(profile.memberId().value(), profile.withLastSeenAt(old == null ? null : old.lastSeenAt()));
        });
    }

    @Override
    public void touchLastSeen(MemberId member, Instant at) {
        db.run(() -> {
            Profile old = rows.get(member.value());
            rows.put(member.value(), (old == null ? Profile.empty(member) : old).withLastSeenAt(at));
        });
    }

    @Override
    public void erasePersonalData(MemberId member) {
        db.run(() -> {
            rows.remove(member.value());
            others.sessions().removeMember(member);
            others.alerts().removeMember(member);
            others.watches().removeMember(member);
            others.alertPreferences().removeMember(member);
            others.ignores().removeMember(member);
            others.passwordResets().removeMember(member);
            others.emailVerifications().removeMember(member);
            others.emailNotices().removeMember(member);
        });
    }
}
