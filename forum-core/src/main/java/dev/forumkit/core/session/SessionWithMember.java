package dev.forumkit.core.session;

import dev.forumkit.core.member.Member;

import java.util.Objects;

/** A stored session and the member it signs in, as one read of the {@link Sessions} port returns them. */
public record SessionWithMember(Session session, Member member) {
    public SessionWithMember {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(member, "member");
        if (!session.memberId().equals(member.id())) {
            throw new IllegalArgumentException("session of " + session.memberId() + " with member " + member.id());
        }
    }
}
