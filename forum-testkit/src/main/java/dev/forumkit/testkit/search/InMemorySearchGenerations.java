package dev.forumkit.testkit.search;

import dev.forumkit.core.memory.InMemorySearchIndex;
import dev.forumkit.core.search.SearchGenerations;
import dev.forumkit.core.search.SearchIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Generations of in-memory indexes for online rebuilds in tests. {@link #wrapNext} lets a test put its own index
 * around the next one (to act in the middle of a rebuild); it records what was promoted and discarded.
 */
public final class InMemorySearchGenerations implements SearchGenerations {
    private UnaryOperator<SearchIndex> wrap = UnaryOperator.identity();
    /** Indexes that became live, in order. */
    public final List<SearchIndex> promoted = new ArrayList<>();
    /** Indexes whose rebuild failed. */
    public final List<SearchIndex> discarded = new ArrayList<>();

    /** The next index {@link #next} gives is {@code wrapper} applied to a new in-memory index (once). */
    public void wrapNext(UnaryOperator<SearchIndex> wrapper) {
        this.wrap = wrapper;
    }

    @Override
    public synchronized SearchIndex next() {
        SearchIndex fresh = wrap.apply(new InMemorySearchIndex());
        wrap = UnaryOperator.identity();
        return fresh;
    }

    @Override
    public synchronized void promoted(SearchIndex live, SearchIndex retired) {
        promoted.add(live);
        retired.close();
    }

    @Override
    public synchronized void discarded(SearchIndex unfinished) {
        discarded.add(unfinished);
        unfinished.close();
    }
}
