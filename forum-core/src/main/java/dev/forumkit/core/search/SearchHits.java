package dev.forumkit.core.search;

import java.util.List;

/**
 * A slice of an index's matches, and how many it has in all. Counting every match of a word in a third of all posts
 * costs more than finding the page, so an index may stop counting: with {@code exact} false, {@code total} is
 * {@link SearchIndex#COUNTED_UP_TO} and there are more matches than that ("more than 1,000 results").
 */
public record SearchHits(List<SearchHit> hits, long total, boolean exact) {
    public SearchHits {
        hits = List.copyOf(hits);
        if (total < hits.size()) {
            throw new IllegalArgumentException("total " + total + " is below the " + hits.size() + " hits");
        }
        if (!exact && total != SearchIndex.COUNTED_UP_TO) {
            throw new IllegalArgumentException("a total that is not exact is " + SearchIndex.COUNTED_UP_TO + ", not " + total);
        }
    }

    /** Hits with the exact number of matches. */
    public SearchHits(List<SearchHit> hits, long total) {
        this(hits, total, true);
    }

    /** Hits of more than {@link SearchIndex#COUNTED_UP_TO} matches, not counted further. */
    public static SearchHits moreThanCounted(List<SearchHit> hits) {
        return new SearchHits(hits, SearchIndex.COUNTED_UP_TO, false);
    }

    public static SearchHits none() {
        return new SearchHits(List.of(), 0);
    }
}
