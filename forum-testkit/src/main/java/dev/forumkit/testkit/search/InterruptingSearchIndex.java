package dev.forumkit.testkit.search;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.SearchDocument;
import dev.forumkit.core.search.SearchHits;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.search.SearchQuery;

import java.util.List;

/**
 * An index that runs an action once, just before the first batch is written to it: a test's way to change the forum
 * in the middle of a rebuild, after the rebuild read the posts of that batch and before it writes them. Everything
 * else goes to the index it wraps.
 */
public final class InterruptingSearchIndex implements SearchIndex {
    private final SearchIndex target;
    private Runnable action;

    public InterruptingSearchIndex(SearchIndex target, Runnable action) {
        this.target = target;
        this.action = action;
    }

    @Override
    public void putAll(List<SearchDocument> documents) {
        Runnable once;
        synchronized (this) {
            once = action;
            action = null;
        }
        if (once != null) {
            once.run();
        }
        target.putAll(documents);
    }

    @Override
    public void put(SearchDocument document) {
        target.put(document);
    }

    @Override
    public void remove(PostId post) {
        target.remove(post);
    }

    @Override
    public void updateThread(ThreadId thread, BoardId board, String title, boolean deleted) {
        target.updateThread(thread, board, title, deleted);
    }

    @Override
    public void removeThread(ThreadId thread) {
        target.removeThread(thread);
    }

    @Override
    public void removeOthers(PostId after, PostId upTo, java.util.Set<PostId> kept) {
        target.removeOthers(after, upTo, kept);
    }

    @Override
    public void holdWriters() {
        target.holdWriters();
    }

    @Override
    public SearchHits search(SearchQuery query, int offset, int limit) {
        return target.search(query, offset, limit);
    }

    @Override
    public java.util.List<dev.forumkit.core.search.Segment> snippet(SearchQuery query,
            dev.forumkit.core.search.SearchHit hit, String text) {
        return target.snippet(query, hit, text);
    }

    @Override
    public void clear() {
        target.clear();
    }

    @Override
    public long count() {
        return target.count();
    }

    @Override
    public boolean stemsEnglish() {
        return target.stemsEnglish();
    }

    @Override
    public void commit() {
        target.commit();
    }

    @Override
    public void close() {
        target.close();
    }
}
