package dev.forumkit.core.search;

import dev.forumkit.core.ForumException;

/**
 * Search is turned off on this forum ({@code ForumConfig.searchIndexing(false)}): no index is kept up to date, so
 * none is asked (HTTP 503, code {@code search_unavailable}).
 */
public final class SearchUnavailableException extends ForumException {
    public SearchUnavailableException() {
        super("search_unavailable", "search is turned off on this forum");
    }
}
