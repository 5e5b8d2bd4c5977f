package dev.forumkit.core.search;

/**
 * Where an online rebuild gets its new index, beside the live one, and what becomes of each afterwards: the app keeps
 * Lucene generations in directories of the data directory and records which one is live; tests keep them in memory.
 */
public interface SearchGenerations {
    /** A new, empty index to build beside the live one. */
    SearchIndex next();

    /**
     * The rebuilt index is now the live one and {@code retired} is no longer searched or written: record the change
     * (so a restart opens {@code live}) and release {@code retired}.
     */
    void promoted(SearchIndex live, SearchIndex retired);

    /** A rebuild failed: release and delete the index {@link #next} gave it; the live index stays. */
    void discarded(SearchIndex unfinished);
}
