package dev.forumkit.core.reaction;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.util.Map;

/** The post's reaction counts by type and its author's reaction score, right after a reaction changed. */
public record ReactionResult(PostId postId, Map<String, Integer> counts, String yourReaction, MemberId authorId,
                             long authorReactionScore) {
    public ReactionResult {
        counts = Map.copyOf(counts);
    }
}
