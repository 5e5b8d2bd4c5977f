package dev.forumkit.core.group;

import dev.forumkit.core.member.MemberId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: user groups and which custom groups members are in. Built-in groups are always there and cannot be removed. */
public interface Groups {
    /** Stores a custom group; the storage gives it an id of at least {@link GroupId#FIRST_CUSTOM}. */
    Group add(Group group);

    /** Renames a group or changes its banner and order; throws not-found for an unknown id. */
    void update(Group group);

    /** Removes a custom group and members' places in it (a primary place falls back to the role's group); false if there was none. */
    boolean remove(GroupId id);

    Optional<Group> byId(GroupId id);

    /** Every group, built-in ones first, then by display order and id. */
    List<Group> all();

    /** The member's custom groups; {@link MemberGroups#none} if they are in none. */
    MemberGroups of(MemberId member);

    /** The custom groups of several members; members in none are left out. */
    Map<MemberId, MemberGroups> of(Collection<MemberId> members);

    /** Replaces a member's custom groups (an empty value removes them all). */
    void put(MemberGroups groups);

    /** The members whose primary or a secondary group this is, in id order, at most {@code limit}. */
    List<MemberId> members(GroupId group, int limit);
}
