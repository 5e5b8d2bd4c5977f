package dev.forumkit.core.board;

import dev.forumkit.core.post.LastPost;

import java.util.Objects;

/**
 * A board holds threads. {@code threadCount}, {@code postCount} and {@code lastPost} are counters over its
 * visible threads and posts; {@link Boards#update(Board)} never writes them.
 */
public record Board(
        BoardId id,
        CategoryId categoryId,
        String title,
        String slug,
        String description,
        String guestNotice,
        int displayOrder,
        int threadCount,
        long postCount,
        LastPost lastPost) {

    public Board {
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(slug, "slug");
    }

    public static Board withoutId(CategoryId categoryId, String title, String description, String guestNotice, int displayOrder) {
        return new Board(null, categoryId, title, Slugs.of(title), description, guestNotice, displayOrder, 0, 0, null);
    }

    public Board withId(BoardId newId) {
        return new Board(newId, categoryId, title, slug, description, guestNotice, displayOrder, threadCount, postCount, lastPost);
    }

    public Board withDetails(CategoryId category, String newTitle, String newDescription, String newGuestNotice, int order) {
        return new Board(id, category, newTitle, Slugs.of(newTitle), newDescription, newGuestNotice, order, threadCount, postCount, lastPost);
    }

    public Board withCounters(int threads, long posts, LastPost last) {
        return new Board(id, categoryId, title, slug, description, guestNotice, displayOrder, threads, posts, last);
    }
}
