package dev.forumkit.core.profile;

import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;

import java.util.Map;

/**
 * Members and the stored profiles of those that have one, as {@link Profiles#withMembers} reads them together (a
 * thread page's authors with their signatures, one read instead of two). A member without a stored profile has no
 * entry in {@code profiles}, as in {@link Profiles#byMembers}.
 */
public record MembersWithProfiles(Map<MemberId, Member> members, Map<MemberId, Profile> profiles) {
    public MembersWithProfiles {
        java.util.Objects.requireNonNull(members, "members");
        java.util.Objects.requireNonNull(profiles, "profiles");
    }
}
