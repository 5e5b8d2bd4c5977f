package dev.forumkit.core.thread;

import dev.forumkit.core.post.PostId;

import java.util.Map;
import java.util.Objects;

/**
 * A member's own state on one page of a thread, as one read of {@link ReadStates} returns it: their read position in
 * the thread (0 when never read) and their reactions on the page's posts, by post (posts they did not react to are
 * absent).
 */
public record ThreadReading(int lastRead, Map<PostId, String> reactions) {
    public ThreadReading {
        if (lastRead < 0) {
            throw new IllegalArgumentException("a read position is never negative: " + lastRead);
        }
        Objects.requireNonNull(reactions, "reactions");
    }
}
