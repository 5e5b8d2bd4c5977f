package dev.forumkit.web.internal;

import dev.forumkit.core.read.Page;

/** The block every list carries: which page this is, how many there are, and how many items in all. */
public record Pagination(int currentPage, int lastPage, int perPage, long total) {
    public static Pagination of(Page<?> page) {
        return new Pagination(page.currentPage(), page.lastPage(), page.perPage(), page.total());
    }

    /** A list that is never paged (the board index, a profile's recent posts): one page holding everything. */
    public static Pagination single(int size) {
        return new Pagination(1, 1, Math.max(1, size), size);
    }
}
