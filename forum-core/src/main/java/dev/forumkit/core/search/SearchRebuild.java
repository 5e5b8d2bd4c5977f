package dev.forumkit.core.search;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Fills an index from the storage, every post in id order, in batches, committing every {@value #COMMIT_EVERY} posts
 * and at the end. Resumable: {@code after} skips the posts a run before already wrote, and {@link Progress#committed}
 * is told the last post id of each commit, which a caller records to resume from.
 */
public final class SearchRebuild {
    /** Posts per {@link SearchIndex#putAll}. */
    public static final int BATCH = 1000;
    /** Posts per {@link SearchIndex#commit}: a commit syncs files, so one per batch would cost more than the batch. */
    public static final int COMMIT_EVERY = 20_000;
    /**
     * Posts per transaction of a rebuild in place ({@link #inPlace}): the index's other writers wait while one runs,
     * so it is kept short.
     */
    public static final int IN_PLACE_BATCH = 500;
    /** Threads writing batches to the index while this one reads the next ones. */
    public static final int WRITERS = Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors()));
    private final ForumStorage storage;
    private final SearchIndex index;

    public SearchRebuild(ForumStorage storage, SearchIndex index) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.index = Objects.requireNonNull(index, "index");
    }

    /** What a rebuild reports as it goes. */
    public interface Progress {
        /** Called once before the first batch: how many posts the storage has (deleted ones too). */
        void total(long posts);

        /** Called after each commit: posts written so far in this run, and the last post id written. */
        void committed(long written, PostId last);

        /** Called after each batch, committed or not: posts written so far in this run (for progress bars). */
        default void written(long written) {
        }
    }

    /**
     * Writes every post with an id above {@code after} (null: all); returns how many it wrote. This thread reads the
     * posts and makes the entries; {@link #WRITERS} threads write the batches to the index meanwhile (analysis is
     * most of the cost, and Lucene's writer takes several threads at once). Before each commit every batch so far
     * is written, so the id it reports has all posts up to it in the index.
     */
    public long run(PostId after, Progress progress) {
        Map<ThreadId, ForumThread> threads = new HashMap<>();
        storage.transactions().readOnly(() -> {
            storage.threads().forEach(t -> threads.put(t.id(), t));
            return null;
        });
        progress.total(threads.values().stream().mapToLong(ForumThread::postCounter).sum());
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS, r -> {
            Thread t = new Thread(r, "forumkit-search-rebuild-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            Writes writes = new Writes(pool, progress);
            List<SearchDocument> batch = new ArrayList<>(BATCH);
            storage.transactions().readOnly(() -> {
                storage.posts().forEach(p -> {
                    ForumThread t = threads.get(p.threadId());
                    if (t == null || after != null && p.id().value() <= after.value()) {
                        return;
                    }
                    batch.add(SearchIndexer.document(p, t));
                    if (batch.size() >= BATCH) {
                        writes.submit(List.copyOf(batch));
                        batch.clear();
                    }
                });
                return null;
            });
            if (!batch.isEmpty()) {
                writes.submit(List.copyOf(batch));
            }
            writes.commit();
            return writes.submitted;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Rebuilds the index where it is, while it serves ({@link SearchRebuilds} for an index in the storage): every post in
     * id order, {@code batch} at a time, each batch one write transaction that holds the index's other writers
     * ({@link SearchIndex#holdWriters}), reads the posts and their threads as they are now, writes their entries and
     * removes the entries of posts in its id range the storage no longer has (and, after the last post, any above
     * it). Searches keep going to the same index: an entry is what it was or what the storage holds, so nothing wrong
     * is found meanwhile, and what the consumer writes during the rebuild is read later than any batch it follows.
     * Returns how many entries it wrote.
     */
    public long inPlace(int batch, Progress progress) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be positive");
        }
        long[] total = {0};
        storage.transactions().readOnly(() -> {
            storage.threads().forEach(t -> total[0] += t.postCounter());
            return null;
        });
        progress.total(total[0]);
        long written = 0;
        PostId after = null;
        while (true) {
            PostId from = after;
            InPlaceBatch done = storage.transactions().inTransaction(() -> {
                index.holdWriters();
                List<Post> posts = storage.posts().afterId(from, batch);
                Map<ThreadId, ForumThread> threads = posts.isEmpty() ? Map.of()
                        : storage.threads().byIds(posts.stream().map(Post::threadId).collect(Collectors.toSet()));
                List<SearchDocument> docs = new ArrayList<>(posts.size());
                for (Post p : posts) {
                    ForumThread t = threads.get(p.threadId());
                    if (t != null) {
                        docs.add(SearchIndexer.document(p, t));
                    }
                }
                PostId last = posts.isEmpty() ? null : posts.get(posts.size() - 1).id();
                index.putAll(docs);
                // the last round (no posts left) drops every entry above the last post
                index.removeOthers(from, last, docs.stream().map(SearchDocument::post).collect(Collectors.toSet()));
                return new InPlaceBatch(last, docs.size());
            });
            if (done.last() == null) {
                break;
            }
            written += done.written();
            after = done.last();
            index.commit();
            progress.written(written);
            progress.committed(written, after);
        }
        index.commit();
        return written;
    }

    private record InPlaceBatch(PostId last, int written) {
    }

    /** The batches handed to the writer threads, and the commits between them. */
    private final class Writes {
        private final ExecutorService pool;
        private final Progress progress;
        private final Semaphore slots = new Semaphore(2 * WRITERS); // bounds the entries held in memory
        private final List<Future<?>> pending = new ArrayList<>();
        private final AtomicLong written = new AtomicLong();
        private long submitted;
        private long committed;
        private PostId last;

        Writes(ExecutorService pool, Progress progress) {
            this.pool = pool;
            this.progress = progress;
        }

        void submit(List<SearchDocument> docs) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rebuilding the search index", e);
            }
            pending.add(pool.submit(() -> {
                try {
                    index.putAll(docs);
                    long n = written.addAndGet(docs.size());
                    synchronized (progress) { // told from several threads; a progress bar need not be thread-safe
                        progress.written(n);
                    }
                } finally {
                    slots.release();
                }
            }));
            submitted += docs.size();
            last = docs.get(docs.size() - 1).post();
            if (submitted - committed >= COMMIT_EVERY) {
                commit();
            }
        }

        /** Waits for every batch so far, then commits the index and reports the last post id. */
        void commit() {
            for (Future<?> f : pending) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while rebuilding the search index", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException("a search index write failed", e.getCause());
                }
            }
            pending.clear();
            index.commit();
            if (submitted > committed) {
                committed = submitted;
                progress.committed(submitted, last);
            }
        }
    }
}
