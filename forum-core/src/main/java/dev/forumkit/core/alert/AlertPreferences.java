package dev.forumkit.core.alert;

import dev.forumkit.core.member.MemberId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Storage port for members' alert preferences; a member without a row has {@link Preferences#defaults}. */
public interface AlertPreferences {
    Optional<Preferences> byMember(MemberId member);

    /** The stored preferences of those members that have any (one query for a whole fan-out). */
    Map<MemberId, Preferences> byMembers(Collection<MemberId> members);

    /** Inserts or replaces the member's preferences. */
    void put(Preferences preferences);
}
