package dev.forumkit.core.read;

import dev.forumkit.core.member.AuthorCard;
import dev.forumkit.core.member.Ban;
import dev.forumkit.core.post.Post;

import java.util.List;

/** A member's public profile with recent visible posts; {@code ban} is shown to staff only (null otherwise). */
public record MemberProfile(AuthorCard member, List<RecentPost> recentPosts, Ban ban) {
    public MemberProfile {
        recentPosts = List.copyOf(recentPosts);
    }

    public record RecentPost(Post post, String threadTitle) {
    }
}
