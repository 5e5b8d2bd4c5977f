package dev.forumkit.web.internal.html;

import dev.forumkit.core.member.Member;

/** A member of a custom group as the group's admin page lists them; {@code primary}: it is their primary group. */
public record GroupMemberRow(Member member, boolean primary) {
}
