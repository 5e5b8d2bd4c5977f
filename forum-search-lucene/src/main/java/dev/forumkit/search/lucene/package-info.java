/**
 * The {@link dev.forumkit.core.search.SearchIndex} on Apache Lucene: {@link dev.forumkit.search.lucene.LuceneSearchIndex}
 * keeps its index in a directory (the data directory in the app) and analyses text with English stemming and CJK bigrams.
 */
package dev.forumkit.search.lucene;
