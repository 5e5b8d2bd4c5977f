package dev.forumkit.core.read;

import dev.forumkit.core.member.AuthorCard;
import dev.forumkit.core.member.Ban;
import dev.forumkit.core.post.Post;

import java.util.List;

/**
 * A member's public profile with recent visible posts; {@code ban} is shown to staff only (null otherwise).
 * {@code reactionsReceived} counts the reactions on the member's visible posts by type (in the forum's order of
 * reaction types, types never received left out), and the card's message count and reaction score leave out boards
 * the viewer may not see, so a private board's activity does not show through a profile.
 */
public record MemberProfile(AuthorCard member, List<RecentPost> recentPosts, Ban ban,
                            java.util.Map<String, Integer> reactionsReceived) {
    public MemberProfile {
        recentPosts = List.copyOf(recentPosts);
        reactionsReceived = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reactionsReceived));
    }

    public MemberProfile(AuthorCard member, List<RecentPost> recentPosts, Ban ban) {
        this(member, recentPosts, ban, java.util.Map.of());
    }

    public record RecentPost(Post post, String threadTitle) {
    }
}
