package dev.forumkit.core.search;

import java.util.List;

/** A slice of an index's matches, and how many it has in all. */
public record SearchHits(List<SearchHit> hits, long total) {
    public SearchHits {
        hits = List.copyOf(hits);
        if (total < hits.size()) {
            throw new IllegalArgumentException("total " + total + " is below the " + hits.size() + " hits");
        }
    }

    public static SearchHits none() {
        return new SearchHits(List.of(), 0);
    }
}
