package dev.forumkit.core.member;

/** A member's role; a guest is the absence of a member, not a role. */
public enum Role {
    MEMBER, MODERATOR, ADMIN;

    public boolean isStaff() {
        return this != MEMBER;
    }
}
