package dev.forumkit.core.alert;

import dev.forumkit.core.member.MemberId;

import java.util.List;
import java.util.Set;

/** Storage port for ignored members: who ignores whom. Adding an existing pair or removing a missing one is harmless. */
public interface Ignores {
    void add(MemberId member, MemberId ignored);

    /** True if the pair existed. */
    boolean remove(MemberId member, MemberId ignored);

    /** The members this member ignores, in id order. */
    List<MemberId> ignoredBy(MemberId member);

    /** The members who ignore this one (the fan-out drops them from an actor's alerts). */
    Set<MemberId> ignorersOf(MemberId ignored);
}
