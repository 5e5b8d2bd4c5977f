package dev.forumkit.core.member;

/** A member's message count and reaction score over some boards (see {@link Members#countsOn}). */
public record MemberCounts(int messageCount, long reactionScore) {
    public static final MemberCounts ZERO = new MemberCounts(0, 0);
}
