package dev.forumkit.core.search;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** Writes every post with an id above {@code after} (null: all); returns how many it wrote. */
    public long run(PostId after, Progress progress) {
        Map<ThreadId, ForumThread> threads = new HashMap<>();
        storage.transactions().readOnly(() -> {
            storage.threads().forEach(t -> threads.put(t.id(), t));
            return null;
        });
        progress.total(threads.values().stream().mapToLong(ForumThread::postCounter).sum());
        long[] written = {0, 0}; // written, written at the last commit
        PostId[] last = {null};
        List<SearchDocument> batch = new ArrayList<>(BATCH);
        storage.transactions().readOnly(() -> {
            storage.posts().forEach(p -> {
                ForumThread t = threads.get(p.threadId());
                if (t == null || after != null && p.id().value() <= after.value()) {
                    return;
                }
                batch.add(SearchIndexer.document(p, t));
                if (batch.size() >= BATCH) {
                    written[0] += write(batch, last);
                    progress.written(written[0]);
                    if (written[0] - written[1] >= COMMIT_EVERY) {
                        index.commit();
                        written[1] = written[0];
                        progress.committed(written[0], last[0]);
                    }
                }
            });
            return null;
        });
        if (!batch.isEmpty()) {
            written[0] += write(batch, last);
            progress.written(written[0]);
        }
        index.commit();
        if (written[0] > written[1]) {
            progress.committed(written[0], last[0]);
        }
        return written[0];
    }

    private int write(List<SearchDocument> batch, PostId[] last) {
        index.putAll(batch);
        int n = batch.size();
        last[0] = batch.get(n - 1).post();
        batch.clear();
        return n;
    }
}
