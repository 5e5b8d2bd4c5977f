package dev.forumkit.core.search;

import dev.forumkit.core.read.Page;

/**
 * A page of search results and the query they answer. {@code total} is the index's count of matches for what the
 * viewer may see; entries the storage no longer shows them (the index not yet caught up) are skipped from the page.
 * With {@code totalExact} false the index stopped counting: there are more than {@code total} matches (show "more
 * than 1,000").
 */
public record SearchResults(SearchQuery query, Page<SearchResult> results, boolean totalExact) {
}
