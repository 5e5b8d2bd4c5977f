package dev.forumkit.core;

import dev.forumkit.core.member.MemberId;

import java.util.Optional;

/** Who is asking: a guest, or a signed-in member by id. Services look the member up themselves. */
public final class Actor {
    private static final Actor GUEST = new Actor(null);
    private final MemberId memberId;

    private Actor(MemberId memberId) {
        this.memberId = memberId;
    }

    public static Actor guest() {
        return GUEST;
    }

    public static Actor member(MemberId id) {
        if (id == null) {
            throw new IllegalArgumentException("member id is required; use Actor.guest() for guests");
        }
        return new Actor(id);
    }

    public boolean isGuest() {
        return memberId == null;
    }

    public Optional<MemberId> memberId() {
        return Optional.ofNullable(memberId);
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
