package dev.forumkit.core.warning;

import dev.forumkit.core.member.Member;

/** A warning just given, the member's active points with it, and the member as banned when a threshold was reached (else null). */
public record WarningResult(Warning warning, int activePoints, Member bannedMember) {
}
