package dev.forumkit.core.memory;

import dev.forumkit.core.blob.BlobKey;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.profile.Avatar;
import dev.forumkit.core.profile.MembersWithProfiles;
import dev.forumkit.core.profile.Profile;
import dev.forumkit.core.profile.Profiles;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
    private final Tables.TxMap<Long, Avatar> avatars;
    private final PersonalData others;
    private final InMemoryMembers members;

    InMemoryProfiles(Tables db, InMemoryMembers members, PersonalData others) {
        this.db = db;
        this.members = members;
        this.rows = db.map();
        this.avatars = db.map();
        this.others = others;
    }

    @Override
    public Optional<Profile> byMember(MemberId member) {
        return db.read(() -> Optional.ofNullable(rows.get(member.value())));
    }

    @Override
    public MembersWithProfiles withMembers(Collection<MemberId> ids) {
        return db.read(() -> {
            Map<MemberId, dev.forumkit.core.member.Member> found = members.byIds(ids);
            return new MembersWithProfiles(found, byMembers(found.keySet()));
        });
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
            avatars.remove(member.value());
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

    @Override
    public Optional<Avatar> avatarOf(MemberId member) {
        return db.read(() -> Optional.ofNullable(avatars.get(member.value())));
    }

    @Override
    public void putAvatar(Avatar avatar) {
        db.run(() -> avatars.put(avatar.member().value(), avatar));
    }

    @Override
    public boolean removeAvatar(MemberId member) {
        return db.write(() -> avatars.remove(member.value()) != null);
    }

    @Override
    public List<Avatar> avatars() {
        return db.read(() -> List.copyOf(avatars.values()));
    }

    @Override
    public boolean avatarRefersTo(BlobKey blob) {
        return db.read(() -> avatars.values().stream().anyMatch(a -> a.large().equals(blob) || a.small().equals(blob)));
    }
}
