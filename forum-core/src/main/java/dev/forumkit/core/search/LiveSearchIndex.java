package dev.forumkit.core.search;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.storage.ForumStorage;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The index the forum searches and the {@code search} consumer writes, which an online rebuild replaces while the
 * forum serves. During a rebuild every write goes to the live index and to the one being built, and the posts and
 * threads written are remembered; searches keep going to the live index, so they never see a half-built one. When
 * the bulk load is done those posts and threads are written again from the storage as it is then (the load may have
 * read a post before a delete and written it after the consumer did), and the new index takes over, all while
 * writes wait. So the new index holds what the storage holds, whatever happened during the rebuild.
 */
public final class LiveSearchIndex implements SearchIndex {
    /** Writes and searches share it; the swap (and the final catch-up before it) takes it alone. */
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private volatile SearchIndex live;
    private SearchIndex next;
    private final Set<PostId> touchedPosts = new HashSet<>();
    private final Set<ThreadId> touchedThreads = new HashSet<>();

    public LiveSearchIndex(SearchIndex live) {
        this.live = Objects.requireNonNull(live, "live");
    }

    /** The index searched now. */
    public SearchIndex current() {
        return live;
    }

    /**
     * Builds {@code fresh} from the storage beside the live index, catches it up with what was written meanwhile,
     * and makes it the live one. Returns the index it replaced (the caller releases it). If the build fails, the live
     * index stays and {@code fresh} is left to the caller.
     */
    public SearchIndex rebuild(ForumStorage storage, SearchIndex fresh, SearchRebuild.Progress progress) {
        Objects.requireNonNull(fresh, "fresh");
        swap.writeLock().lock();
        try {
            if (next != null) {
                throw new IllegalStateException("a rebuild is already running");
            }
            fresh.clear();
            next = fresh; // from here on every write reaches it too
        } finally {
            swap.writeLock().unlock();
        }
        try {
            new SearchRebuild(storage, fresh).run(null, progress);
            swap.writeLock().lock();
            try {
                SearchIndexer catchUp = new SearchIndexer(storage, fresh);
                synchronized (touchedPosts) {
                    touchedThreads.forEach(catchUp::thread);
                    touchedPosts.forEach(catchUp::post);
                }
                fresh.commit();
                SearchIndex retired = live;
                live = fresh;
                return retired;
            } finally {
                swap.writeLock().unlock();
            }
        } finally {
            swap.writeLock().lock();
            try {
                next = null;
                synchronized (touchedPosts) {
                    touchedPosts.clear();
                    touchedThreads.clear();
                }
            } finally {
                swap.writeLock().unlock();
            }
        }
    }

    /** True while a rebuild runs. */
    public boolean rebuilding() {
        swap.readLock().lock();
        try {
            return next != null;
        } finally {
            swap.readLock().unlock();
        }
    }

    private interface Write {
        void to(SearchIndex index);
    }

    private void write(Write w, PostId post, ThreadId thread) {
        swap.readLock().lock();
        try {
            w.to(live);
            if (next != null) {
                w.to(next);
                synchronized (touchedPosts) {
                    if (post != null) {
                        touchedPosts.add(post);
                    }
                    if (thread != null) {
                        touchedThreads.add(thread);
                    }
                }
            }
        } finally {
            swap.readLock().unlock();
        }
    }

    @Override
    public void put(SearchDocument document) {
        write(i -> i.put(document), document.post(), null);
    }

    @Override
    public void putAll(List<SearchDocument> documents) {
        swap.readLock().lock();
        try {
            live.putAll(documents);
            if (next != null) {
                next.putAll(documents);
                synchronized (touchedPosts) {
                    documents.forEach(d -> touchedPosts.add(d.post()));
                }
            }
        } finally {
            swap.readLock().unlock();
        }
    }

    @Override
    public void remove(PostId post) {
        write(i -> i.remove(post), post, null);
    }

    @Override
    public void updateThread(ThreadId thread, BoardId board, String title, boolean deleted) {
        write(i -> i.updateThread(thread, board, title, deleted), null, thread);
    }

    @Override
    public void removeThread(ThreadId thread) {
        write(i -> i.removeThread(thread), null, thread);
    }

    @Override
    public void removeOthers(PostId after, PostId upTo, Set<PostId> kept) {
        write(i -> i.removeOthers(after, upTo, kept), null, null);
    }

    @Override
    public void holdWriters() {
        live.holdWriters();
    }

    /** Holds off a swap while it runs: the index it asks is not closed under it. */
    @Override
    public SearchHits search(SearchQuery query, int offset, int limit) {
        swap.readLock().lock();
        try {
            return live.search(query, offset, limit);
        } finally {
            swap.readLock().unlock();
        }
    }

    @Override
    public List<Segment> snippet(SearchQuery query, SearchHit hit, String text) {
        swap.readLock().lock();
        try {
            return live.snippet(query, hit, text);
        } finally {
            swap.readLock().unlock();
        }
    }

    /** Empties the live index (an offline rebuild); not while an online rebuild runs. */
    @Override
    public void clear() {
        swap.readLock().lock();
        try {
            if (next != null) {
                throw new IllegalStateException("a rebuild is running");
            }
            live.clear();
        } finally {
            swap.readLock().unlock();
        }
    }

    @Override
    public long count() {
        swap.readLock().lock();
        try {
            return live.count();
        } finally {
            swap.readLock().unlock();
        }
    }

    @Override
    public boolean stemsEnglish() {
        return live.stemsEnglish();
    }

    @Override
    public boolean inStorage() {
        return live.inStorage();
    }

    @Override
    public void commit() {
        swap.readLock().lock();
        try {
            live.commit();
            if (next != null) {
                next.commit();
            }
        } finally {
            swap.readLock().unlock();
        }
    }

    /** Closes the live index. */
    @Override
    public void close() {
        live.close();
    }
}
