package dev.forumkit.core.member;

import java.time.Instant;

/**
 * What a post shows of its author: the public face of a member, never the e-mail or password hash. {@code banner} is
 * the title of the member's primary group (e.g. "Staff"), null for none.
 */
public record AuthorCard(MemberId id, String username, String customTitle, Role role, Instant joinedAt,
                         int messageCount, long reactionScore, boolean banned, String banner) {

    public AuthorCard(MemberId id, String username, String customTitle, Role role, Instant joinedAt,
                      int messageCount, long reactionScore, boolean banned) {
        this(id, username, customTitle, role, joinedAt, messageCount, reactionScore, banned, null);
    }

    public static AuthorCard of(Member m, Instant now) {
        return of(m, now, null);
    }

    /** The card with the banner of the member's primary group. */
    public static AuthorCard of(Member m, Instant now, String banner) {
        return new AuthorCard(m.id(), m.username(), m.customTitle(), m.role(), m.joinedAt(), m.messageCount(),
                m.reactionScore(), m.isBannedAt(now), banner);
    }

    /** Shown when an author row is missing; should never happen with a consistent storage. */
    public static AuthorCard unknown(MemberId id) {
        return new AuthorCard(id, "unknown member", null, Role.MEMBER, Instant.EPOCH, 0, 0, false);
    }
}
