package dev.forumkit.core.thread;

import dev.forumkit.core.post.Post;

import java.util.Objects;

/** A post the viewer may edit, with the thread it is in (for the form's heading and links). */
public record EditablePost(Post post, ForumThread thread) {
    public EditablePost {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(thread, "thread");
    }
}
