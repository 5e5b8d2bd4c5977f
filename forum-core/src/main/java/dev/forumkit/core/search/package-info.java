/**
 * Full-text search: the {@link dev.forumkit.core.search.SearchIndex} port that search engines implement, the parsed
 * query and hit values, the indexer that feeds the index from the outbox and the {@link
 * dev.forumkit.core.search.SearchService} that filters hits through the same visibility rules as pages.
 */
package dev.forumkit.core.search;
