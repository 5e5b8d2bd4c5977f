package dev.forumkit.core;

import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;

import java.util.Optional;

/**
 * Who is asking: a guest, or a signed-in member by id. Services look the member up themselves, except that read
 * services take the member record a caller read for this very request ({@link #signedIn}) instead of reading it again.
 */
public final class Actor {
    private static final Actor GUEST = new Actor(null, null);
    private final MemberId memberId;
    private final Member known;

    private Actor(MemberId memberId, Member known) {
        this.memberId = memberId;
        this.known = known;
    }

    public static Actor guest() {
        return GUEST;
    }

    public static Actor member(MemberId id) {
        if (id == null) {
            throw new IllegalArgumentException("member id is required; use Actor.guest() for guests");
        }
        return new Actor(id, null);
    }

    /**
     * The member as the caller has just read them for the request in hand (the web adapter's session check): pages
     * and other reads use this record instead of reading the member again (on a signed-in thread page that was the
     * same row read three times). Commands still read the member afresh in their own transaction, so a ban or a role
     * change committed meanwhile holds there. Keep such an actor for one request, never longer.
     */
    public static Actor signedIn(Member member) {
        if (member == null) {
            throw new IllegalArgumentException("member is required; use Actor.guest() for guests");
        }
        return new Actor(member.id(), member);
    }

    public boolean isGuest() {
        return memberId == null;
    }

    public Optional<MemberId> memberId() {
        return Optional.ofNullable(memberId);
    }

    /** The member record handed over by {@link #signedIn}, or empty (a guest, or an actor made from an id). */
    public Optional<Member> known() {
        return Optional.ofNullable(known);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Actor a && java.util.Objects.equals(a.memberId, memberId);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(memberId);
    }

    @Override
    public String toString() {
        return memberId == null ? "guest" : "member " + memberId;
    }
}
