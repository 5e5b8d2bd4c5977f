package dev.forumkit.core.internal;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberCounts;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.storage.ForumStorage;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Members' counters as one viewer may see them (issue 14: a private board leaks nothing, counters included). The
 * policy decides the boards the viewer may not see; their part of each member's counters is left out. A viewer who
 * sees every board gets the stored totals without a read; anyone else costs one read for all the members shown.
 */
public final class SeenCounters {
    private SeenCounters() {
    }

    /** The members, their counters without the {@code hidden} boards' part. Same keys, same order of values. */
    public static Map<MemberId, Member> of(ForumStorage s, Set<BoardId> hidden, Map<MemberId, Member> members) {
        if (hidden.isEmpty() || members.isEmpty()) {
            return members;
        }
        Map<MemberId, MemberCounts> out = s.members().countsOn(members.keySet(), hidden);
        if (out.isEmpty()) {
            return members;
        }
        Map<MemberId, Member> seen = new java.util.LinkedHashMap<>();
        members.forEach((id, m) -> seen.put(id, without(m, out.get(id))));
        return seen;
    }

    /** One member as the viewer sees them. */
    public static Member of(ForumStorage s, Set<BoardId> hidden, Member member) {
        if (member == null || hidden.isEmpty()) {
            return member;
        }
        return without(member, s.members().countsOn(List.of(member.id()), hidden).get(member.id()));
    }

    /** A list of members, in its order. */
    public static List<Member> of(ForumStorage s, Set<BoardId> hidden, Collection<Member> members) {
        Map<MemberId, Member> byId = new java.util.LinkedHashMap<>();
        members.forEach(m -> byId.put(m.id(), m));
        Map<MemberId, Member> seen = of(s, hidden, byId);
        return members.stream().map(m -> seen.get(m.id())).toList();
    }

    private static Member without(Member m, MemberCounts left) {
        return left == null ? m : m.withCounters(m.messageCount() - left.messageCount(), m.reactionScore() - left.reactionScore());
    }
}
