package dev.forumkit.core.reaction;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.time.Instant;
import java.util.Objects;

/** One member's reaction to one post; {@code receiverId} is the post's author, kept for score queries. */
public record Reaction(PostId postId, MemberId memberId, MemberId receiverId, String type, Instant createdAt) {
    public Reaction {
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(receiverId, "receiverId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
