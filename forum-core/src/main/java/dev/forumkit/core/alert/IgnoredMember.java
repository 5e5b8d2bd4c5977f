package dev.forumkit.core.alert;

import dev.forumkit.core.member.MemberId;

/** A member on the viewer's ignore list, with the name to show. */
public record IgnoredMember(MemberId id, String username) {
}
