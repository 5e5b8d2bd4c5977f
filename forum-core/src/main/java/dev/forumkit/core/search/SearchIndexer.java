package dev.forumkit.core.search;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;

import java.time.Duration;
import java.util.Optional;

/**
 * Keeps the index in step with the storage, as the outbox consumer {@value #CONSUMER}. It indexes what the storage
 * holds now, not what the event says, so seeing an event twice (after a crash) or late (after later edits) leaves the
 * same, current entry.
 */
public final class SearchIndexer {
    /** The outbox consumer's name: its position is stored under it. */
    public static final String CONSUMER = "search";
    /**
     * How long the consumer lets events gather after a small batch: one index commit (a flushed segment and its
     * fsyncs, for Lucene) and one position write per second under a stream of replies instead of one per reply.
     * Results may lag writes by that much; they are filtered by the storage, so a deleted post is gone at once.
     */
    public static final Duration GATHERING = Duration.ofSeconds(1);
    /**
     * How often an index outside the storage (Lucene) is committed and the consumer's position recorded with it
     * ({@code EventConsumer.recordingEvery}): a durable commit writes and fsyncs a new segment, later merged again, and
     * the position is a durable H2 commit on the write path; per batch they doubled the server's file writes per reply
     * (docs/benchmarks.md). Writes are searchable before they are committed (near-real-time); after a crash the
     * consumer indexes the events since the last commit again (the index is written by post id, so twice is once).
     */
    public static final Duration COMMIT_EVERY = Duration.ofSeconds(30);
    private final ForumStorage storage;
    private final SearchIndex index;

    public SearchIndexer(ForumStorage storage, SearchIndex index) {
        this.storage = storage;
        this.index = index;
    }

    public void handle(EventDelivery delivery) {
        ForumEvent e = delivery.event();
        if (e instanceof ForumEvent.PostCreated x) {
            post(x.post());
        } else if (e instanceof ForumEvent.PostEdited x) {
            post(x.post());
        } else if (e instanceof ForumEvent.PostDeleted x) {
            post(x.post());
        } else if (e instanceof ForumEvent.PostRestored x) {
            post(x.post());
        } else if (e instanceof ForumEvent.ThreadDeleted x) {
            thread(x.thread());
        } else if (e instanceof ForumEvent.ThreadRestored x) {
            thread(x.thread());
        } else if (e instanceof ForumEvent.ThreadMoved x) {
            thread(x.thread());
        }
        // ThreadStarted comes with the PostCreated of the first post, which indexes it with the title
    }

    /**
     * The outbox consumer's handler for one batch: the posts of the batch's post events and their threads are read in
     * one read-only transaction (two reads), not two reads and a transaction per event. Read after every event of the
     * batch was committed, so each entry is at least as new as its event; thread events still read their thread.
     */
    public dev.forumkit.core.event.EventHandler forBatch(java.util.List<EventDelivery> batch) {
        java.util.Set<PostId> ids = new java.util.LinkedHashSet<>();
        for (EventDelivery d : batch) {
            PostId id = postOf(d.event());
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.size() < 2) {
            return this::handle;
        }
        java.util.Map<PostId, SearchDocument> docs = storage.transactions().readOnly(() -> {
            java.util.Map<PostId, Post> posts = storage.posts().byIds(ids);
            java.util.Map<ThreadId, ForumThread> threads = storage.threads().byIds(
                    posts.values().stream().map(Post::threadId).collect(java.util.stream.Collectors.toSet()));
            java.util.Map<PostId, SearchDocument> out = new java.util.HashMap<>();
            posts.forEach((id, p) -> {
                ForumThread t = threads.get(p.threadId());
                if (t != null) {
                    out.put(id, document(p, t));
                }
            });
            return out;
        });
        return d -> {
            PostId id = postOf(d.event());
            if (id == null) {
                handle(d);
            } else if (docs.containsKey(id)) {
                index.put(docs.get(id));
            } else {
                index.remove(id);
            }
        };
    }

    private static PostId postOf(ForumEvent e) {
        if (e instanceof ForumEvent.PostCreated x) {
            return x.post();
        } else if (e instanceof ForumEvent.PostEdited x) {
            return x.post();
        } else if (e instanceof ForumEvent.PostDeleted x) {
            return x.post();
        } else if (e instanceof ForumEvent.PostRestored x) {
            return x.post();
        }
        return null;
    }

    /** Writes the post's current entry, or removes it if the post is gone. */
    public void post(PostId id) {
        Optional<SearchDocument> doc = storage.transactions().readOnly(() -> storage.posts().byId(id)
                .flatMap(p -> storage.threads().byId(p.threadId()).map(t -> document(p, t))));
        if (doc.isPresent()) {
            index.put(doc.get());
        } else {
            index.remove(id);
        }
    }

    /** Sets the thread's board, title and deleted flag on its entries, or removes them if it is gone. */
    public void thread(ThreadId id) {
        Optional<ForumThread> t = storage.transactions().readOnly(() -> storage.threads().byId(id));
        if (t.isPresent()) {
            BoardId board = t.get().boardId();
            index.updateThread(id, board, t.get().title(), t.get().isDeleted());
        } else {
            index.removeThread(id);
        }
    }

    /** The index entry for a post of a thread, as the storage holds them. */
    public static SearchDocument document(Post p, ForumThread t) {
        return new SearchDocument(p.id(), t.id(), t.boardId(), p.authorId(), p.createdAt(), p.number(), t.title(),
                PlainText.of(p), p.isDeleted(), t.isDeleted());
    }
}
