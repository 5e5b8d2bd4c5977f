package dev.forumkit.core.search;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.post.PostId;

import java.util.List;
import java.util.Set;

/**
 * Port to a full-text search engine: one entry per post, found by the words of its text and, for a thread's first
 * post, of the thread's title. Writes are idempotent (the indexer may see an event twice) and visible to the next
 * {@link #search}. The index is a derived copy of the storage, rebuilt from it at will; it never decides who may
 * see a hit (the {@link SearchService} does).
 */
public interface SearchIndex extends AutoCloseable {
    /**
     * Up to this many matches every index counts exactly; beyond it an index may answer "more than this many"
     * ({@link SearchHits#exact()} false). It is also as deep as anyone may page ({@link SearchService#MAX_PAGE} pages
     * of {@link SearchService#PER_PAGE}), so hits up to it are always there to page through.
     */
    int COUNTED_UP_TO = 1000;

    /** Adds the post's entry, or replaces the one the index has for the same post id. */
    void put(SearchDocument document);

    /** {@link #put} for each; adapters may write a batch at once (rebuilds). */
    default void putAll(List<SearchDocument> documents) {
        documents.forEach(this::put);
    }

    /** Removes the post's entry; nothing happens if there is none. */
    void remove(PostId post);

    /** Sets board, title and deleted flag on every entry of the thread (a move, a retitle, a delete or restore). */
    void updateThread(ThreadId thread, BoardId board, String title, boolean deleted);

    /** Removes every entry of the thread. */
    void removeThread(ThreadId thread);

    /**
     * Removes the entries of posts with an id above {@code after} (null: from the first) and at most {@code upTo} (null:
     * no bound) that are not in {@code kept}: a batch of a rebuild in place drops the entries of posts the storage no
     * longer has ({@link SearchRebuild#inPlace}).
     */
    void removeOthers(PostId after, PostId upTo, Set<PostId> kept);

    /**
     * For a rebuild in place, inside the storage's write transaction, before it reads a batch: until that transaction
     * ends, the index's other writers (the {@code search} consumer, on any node) wait, so no entry made from an earlier
     * read of the storage can land after the batch's. Only an index in the storage ({@link #inStorage()}) has writers
     * that share the storage's transactions; the others rebuild beside the live index and do nothing here.
     */
    default void holdWriters() {
    }

    /**
     * The entries matching the query, best first by its sort, skipping {@code offset} and returning at most
     * {@code limit}, with the total number of matches: exact up to {@link #COUNTED_UP_TO}, beyond it maybe only
     * "more than that" ({@link SearchHits#moreThanCounted}). By relevance, an index may rank only a bounded set of
     * candidates when a query matches more than {@link #COUNTED_UP_TO} entries (the newest ones: PostgreSQL, which
     * must read every match to rank it); with fewer matches every one is ranked.
     */
    SearchHits search(SearchQuery query, int offset, int limit);

    /**
     * The snippet to show for a hit of {@code query}, given the post's plain text as the storage holds it now (the
     * {@link SearchService} reads the page's posts anyway). An index that keeps the text made the snippet while
     * searching and returns {@link SearchHit#snippet()} (the default); one that does not (Lucene: the storage already
     * holds every body) highlights {@code text} with its own analysis here.
     */
    default List<Segment> snippet(SearchQuery query, SearchHit hit, String text) {
        return hit.snippet();
    }

    /** Removes every entry (before a rebuild). */
    void clear();

    /** How many entries the index holds. */
    long count();

    /** True when the index finds other forms of an English word ("rides" for "riding"). */
    boolean stemsEnglish();

    /**
     * True when the index lives in the forum's own storage and its writes join the storage's current transaction (a
     * database's full-text tables): the indexer then runs as an {@code IN_STORAGE} outbox consumer, its writes and
     * its position committed together. False (the default) for an index outside the storage (in memory, files).
     */
    default boolean inStorage() {
        return false;
    }

    /**
     * Makes the writes so far durable: the indexer calls it before its outbox position is recorded, so a crash can
     * only make it see events again, never lose one. In-memory and database adapters have nothing to do.
     */
    default void commit() {
    }

    /** Releases files and threads; the default has none. */
    @Override
    default void close() {
    }
}
