package dev.forumkit.core.post;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/** A pointer to the newest visible post of a thread or board, kept as a counter by the services. */
public record LastPost(PostId postId, ThreadId threadId, int number, MemberId authorId, Instant at) {
    public LastPost {
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(at, "at");
    }

    public static LastPost of(Post post) {
        return new LastPost(post.id(), post.threadId(), post.number(), post.authorId(), post.createdAt());
    }

    /**
     * True when this pointer is newer than the other (null counts as oldest). Newer means the higher post id: ids grow
     * with every insert, while the clock that stamps {@code at} may step back (NTP, a VM restored), and a pointer
     * chosen by time would then disagree with one chosen by number inside a thread.
     */
    public boolean isNewerThan(LastPost other) {
        return other == null || postId.value() > other.postId.value();
    }
}
