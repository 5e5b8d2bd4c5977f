package dev.forumkit.core.read;

import dev.forumkit.core.post.PostId;

import java.util.Objects;

/** What quoting a post takes: the post, its author's name and the source the author wrote. */
public record Quote(PostId postId, String authorName, String body) {
    /** The name shown when the author row is missing; should never happen with a consistent storage. */
    public static final String UNKNOWN_AUTHOR = "member";

    public Quote {
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(body, "body");
    }
}
