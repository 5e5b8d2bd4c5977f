package dev.forumkit.core.policy;

import dev.forumkit.core.member.Member;

import java.time.Instant;

/** What the policy sees of an actor: a guest, a banned member (whatever the role), or a role. */
public enum Standing {
    GUEST, MEMBER, BANNED, MODERATOR, ADMIN;

    public static Standing of(Member member, Instant now) {
        if (member == null) {
            return GUEST;
        }
        if (member.isBannedAt(now)) {
            return BANNED;
        }
        return switch (member.role()) {
            case MEMBER -> MEMBER;
            case MODERATOR -> MODERATOR;
            case ADMIN -> ADMIN;
        };
    }

    public boolean isStaff() {
        return this == MODERATOR || this == ADMIN;
    }

    public boolean isSignedIn() {
        return this != GUEST;
    }
}
