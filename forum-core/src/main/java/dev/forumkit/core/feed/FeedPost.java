package dev.forumkit.core.feed;

import dev.forumkit.core.post.Post;

import java.util.Objects;

/** A post as a feed entry: the post, its author's name and its body as the sanitised HTML the thread page shows. */
public record FeedPost(Post post, String authorName, String html) {
    public FeedPost {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(html, "html");
    }
}
