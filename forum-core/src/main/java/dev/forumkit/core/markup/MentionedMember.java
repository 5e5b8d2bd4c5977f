package dev.forumkit.core.markup;

import dev.forumkit.core.member.MemberId;

import java.util.Objects;

/**
 * A member a post mentions: the id reported to core, the username as the member spells it (shown as
 * {@code @username}) and the address of their profile page, which the renderer links to.
 */
public record MentionedMember(MemberId id, String username, String profileUrl) {
    public MentionedMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(profileUrl, "profileUrl");
    }
}
