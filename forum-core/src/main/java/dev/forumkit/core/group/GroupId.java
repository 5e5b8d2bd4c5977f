package dev.forumkit.core.group;

import dev.forumkit.core.member.Role;

/** Typed id of a user group. Ids 1-4 are the built-in groups; the storage numbers custom groups from 100. */
public record GroupId(long value) {
    /** Everyone who is not signed in. */
    public static final GroupId GUESTS = new GroupId(1);
    /** Members with the role {@code MEMBER}. */
    public static final GroupId MEMBERS = new GroupId(2);
    /** Members with the role {@code MODERATOR}. */
    public static final GroupId MODERATORS = new GroupId(3);
    /** Members with the role {@code ADMIN}. */
    public static final GroupId ADMINS = new GroupId(4);
    /** The first id a custom group can have. */
    public static final long FIRST_CUSTOM = 100;

    public GroupId {
        if (value <= 0) {
            throw new IllegalArgumentException("group id must be positive: " + value);
        }
    }

    public static GroupId of(long value) {
        return new GroupId(value);
    }

    public boolean isBuiltIn() {
        return value < FIRST_CUSTOM;
    }

    /** The built-in group a role puts a member in: the role stays the source of truth for it. */
    public static GroupId forRole(Role role) {
        return switch (role) {
            case MEMBER -> MEMBERS;
            case MODERATOR -> MODERATORS;
            case ADMIN -> ADMINS;
        };
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
