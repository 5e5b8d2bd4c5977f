package dev.forumkit.core.member;

import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.Role;

import java.time.Instant;

/** What a post shows of its author: the public face of a member, never the e-mail or password hash. */
public record AuthorCard(MemberId id, String username, String customTitle, Role role, Instant joinedAt,
                         int messageCount, long reactionScore, boolean banned) {
    public static AuthorCard of(Member m, Instant now) {
        return new AuthorCard(m.id(), m.username(), m.customTitle(), m.role(), m.joinedAt(), m.messageCount(),
                m.reactionScore(), m.isBannedAt(now));
    }

    /** Shown when an author row is missing; should never happen with a consistent storage. */
    public static AuthorCard unknown(MemberId id) {
        return new AuthorCard(id, "unknown member", null, Role.MEMBER, Instant.EPOCH, 0, 0, false);
    }
}
