package dev.forumkit.core.read;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.post.PostId;

/** Where a post lives: its thread, the page it is on and the anchor to jump to ({@code post-123}). */
public record PostLocation(PostId postId, ThreadId threadId, String threadSlug, int number, int page, String anchor) {
}
