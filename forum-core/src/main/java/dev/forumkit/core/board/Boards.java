package dev.forumkit.core.board;

import dev.forumkit.core.post.LastPost;

import java.util.List;
import java.util.Optional;

/** Storage port for boards. Counter changes are atomic and separate from {@link #update(Board)}. */
public interface Boards {
    Board add(Board board);

    Optional<Board> byId(BoardId id);

    /** Every board by display order, then id. */
    List<Board> all();

    /** Writes every field except the counters and the last-post pointer. */
    void update(Board board);

    /** Atomically adds to the thread and post counters. */
    void addCounters(BoardId id, int threadDelta, long postDelta);

    /**
     * A new visible post joins the board, in one atomic update of its row: the thread count rises by
     * {@code threadDelta} (1 for a thread's first post, 0 for a reply), the post count by one, and {@code post} becomes
     * the last post if it is newer than the stored one (as {@link #offerLastPost}). A missing board fails the call.
     */
    void addPost(BoardId id, int threadDelta, LastPost post);

    /** Sets the last-post pointer only if {@code candidate} is newer (a higher post id) than the stored one (atomic). */
    void offerLastPost(BoardId id, LastPost candidate);

    /** Overwrites the last-post pointer (null for none), after a delete or move made it stale. */
    void setLastPost(BoardId id, LastPost lastPost);

    /** Overwrites every counter (recount only). */
    void setCounters(BoardId id, int threadCount, long postCount, LastPost lastPost);
}
