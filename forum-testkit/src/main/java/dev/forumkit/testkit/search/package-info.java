/**
 * The contract every {@link dev.forumkit.core.search.SearchIndex} adapter passes: words, phrases, exclusions,
 * prefixes, filters, sorting, paging, updates and Japanese text. Extend {@link dev.forumkit.testkit.search.SearchIndexContract} with a factory.
 */
package dev.forumkit.testkit.search;
