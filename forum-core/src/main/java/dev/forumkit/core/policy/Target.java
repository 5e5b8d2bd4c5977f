package dev.forumkit.core.policy;

import dev.forumkit.core.member.Role;

/**
 * What an action is aimed at, as far as the policy cares.
 *
 * @param own        the actor wrote the post, started the thread, or is the member acted on
 * @param locked     the thread is locked
 * @param deleted    the post or thread is soft-deleted
 * @param targetRole the role of the member acted on (roles and bans), else null
 */
public record Target(boolean own, boolean locked, boolean deleted, Role targetRole) {
    public static final Target NONE = new Target(false, false, false, null);

    public static Target content(boolean own, boolean locked, boolean deleted) {
        return new Target(own, locked, deleted, null);
    }

    public static Target member(boolean self, Role role) {
        return new Target(self, false, false, role);
    }
}
