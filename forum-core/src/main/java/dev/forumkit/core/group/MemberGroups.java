package dev.forumkit.core.group;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.Role;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The custom groups a member is in besides the built-in group of their role: a primary one (whose banner the member
 * card shows; null means the role's group) and any number of secondary ones.
 */
public record MemberGroups(MemberId member, GroupId primary, Set<GroupId> secondary) {
    public MemberGroups {
        Objects.requireNonNull(member, "member");
        if (primary != null && primary.isBuiltIn()) {
            primary = null; // the role decides the built-in group; storing it again would let the two disagree
        }
        Set<GroupId> copy = new LinkedHashSet<>();
        for (GroupId g : secondary == null ? Set.<GroupId>of() : secondary) {
            if (!g.isBuiltIn() && !g.equals(primary)) {
                copy.add(g);
            }
        }
        secondary = Set.copyOf(copy);
    }

    /** A member in no custom group. */
    public static MemberGroups none(MemberId member) {
        return new MemberGroups(member, null, Set.of());
    }

    public boolean isEmpty() {
        return primary == null && secondary.isEmpty();
    }

    /** Every group the member counts in for permissions: the role's group, the primary and the secondary ones. */
    public Set<GroupId> all(Role role) {
        Set<GroupId> out = new LinkedHashSet<>();
        out.add(GroupId.forRole(role));
        if (primary != null) {
            out.add(primary);
        }
        out.addAll(secondary);
        return out;
    }
}
