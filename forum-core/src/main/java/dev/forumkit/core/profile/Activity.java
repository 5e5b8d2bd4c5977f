package dev.forumkit.core.profile;

import dev.forumkit.core.post.Post;

import java.util.List;

/**
 * A page of a member's posts (or of the threads they started) as one viewer may see them: nothing from boards hidden
 * from the viewer, nothing deleted. Paged without a total (counting per viewer would cost a scan); {@code hasMore}
 * tells whether a next page exists.
 */
public record Activity(List<Item> items, int page, boolean hasMore) {
    public Activity {
        items = List.copyOf(items);
    }

    /** A post with its thread's title. */
    public record Item(Post post, String threadTitle) {
    }
}
