package dev.forumkit.core.read;

import java.util.List;

/** One page of a list with its place in the whole: pages count from 1; a page past the end is empty. */
public record Page<T>(List<T> items, int currentPage, int lastPage, int perPage, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public static int lastPage(long total, int perPage) {
        return (int) Math.max(1, (total + perPage - 1) / perPage);
    }
}
