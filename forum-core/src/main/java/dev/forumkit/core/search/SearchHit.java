package dev.forumkit.core.search;

import dev.forumkit.core.post.PostId;

import java.util.List;
import java.util.Objects;

/**
 * One entry the index found: the post, its score (only comparable within one search) and highlighted pieces of its
 * text and of its thread title (the title pieces are empty unless the post started the thread).
 */
public record SearchHit(PostId post, double score, List<Segment> snippet, List<Segment> title) {
    public SearchHit {
        Objects.requireNonNull(post, "post");
        snippet = List.copyOf(snippet);
        title = List.copyOf(title);
    }
}
