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
 * Fills an index from the storage, every post in id order, in committed batches. Resumable: {@code after} skips the
 * posts a run before already wrote, and {@link Progress#batchDone} is told the last post id of each committed batch,
 * which a caller records to resume from.
 */
public final class SearchRebuild {
    /** Posts per batch: one {@link SearchIndex#putAll} and one {@link SearchIndex#commit} each. */
    public static final int BATCH = 1000;
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

        /** Called after each committed batch: posts written so far in this run, and the last post id written. */
        void batchDone(long written, PostId last);
    }

    /** Writes every post with an id above {@code after} (null: all); returns how many it wrote. */
    public long run(PostId after, Progress progress) {
        Map<ThreadId, ForumThread> threads = new HashMap<>();
        storage.transactions().readOnly(() -> {
            storage.threads().forEach(t -> threads.put(t.id(), t));
            return null;
        });
        progress.total(threads.values().stream().mapToLong(ForumThread::postCounter).sum());
        long[] written = {0};
        List<SearchDocument> batch = new ArrayList<>(BATCH);
        storage.transactions().readOnly(() -> {
            storage.posts().forEach(p -> {
                ForumThread t = threads.get(p.threadId());
                if (t == null || after != null && p.id().value() <= after.value()) {
                    return;
                }
                batch.add(SearchIndexer.document(p, t));
                if (batch.size() >= BATCH) {
                    written[0] += flush(batch, progress, written[0]);
                }
            });
            return null;
        });
        if (!batch.isEmpty()) {
            written[0] += flush(batch, progress, written[0]);
        }
        return written[0];
    }

    private long flush(List<SearchDocument> batch, Progress progress, long before) {
        index.putAll(batch);
        index.commit();
        int n = batch.size();
        PostId last = batch.get(n - 1).post();
        batch.clear();
        progress.batchDone(before + n, last);
        return n;
    }
}
