package dev.forumkit.core.thread;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.post.LastPost;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Storage port for threads. Listing orders: pinned first (board pages only), then last activity, newest first, then id. */
public interface Threads {
    ForumThread add(ForumThread thread);

    Optional<ForumThread> byId(ThreadId id);

    /**
     * The thread with its board and the board's category, in one read (a thread page's header: one statement where
     * {@link #byId}, {@code Boards.byId} and {@code Categories.byId} are three). Empty for a missing thread; deleted
     * threads are found as {@link #byId} finds them.
     */
    Optional<ThreadPlace> byIdWithPlace(ThreadId id);

    /** Reads the thread and locks its row until the transaction ends (serialises commands on one thread). */
    Optional<ForumThread> byIdForUpdate(ThreadId id);

    Map<ThreadId, ForumThread> byIds(Collection<ThreadId> ids);

    /** Writes board, title, pinned, locked and deletion; never the counters. */
    void update(ForumThread thread);

    /**
     * Atomically raises the thread's post counter by one and returns the new value: the number of the post
     * being added. The row stays locked until the transaction ends.
     */
    int allocatePostNumber(ThreadId id);

    /**
     * A reply joins the thread, in one atomic update of its row: the post counter goes from {@code reply.number() - 1}
     * to {@code reply.number()}, the reply count rises by one and the last post becomes {@code reply}. The caller locked
     * the row ({@link #byIdForUpdate}) and took the number as the counter it read there plus one; a counter that is not
     * {@code reply.number() - 1} (the row was not locked) or a missing row fails the call, and so the transaction: a
     * number is never given twice, never skipped.
     */
    void addReply(ThreadId id, LastPost reply);

    /** Atomically adds to the reply counter. */
    void addReplies(ThreadId id, int delta);

    /** Overwrites the last-post pointer. */
    void setLastPost(ThreadId id, LastPost lastPost);

    /** Adds buffered view counts in one batch. */
    void addViews(Map<ThreadId, Long> views);

    /** Overwrites reply count and last post (recount only). */
    void setCounters(ThreadId id, int replyCount, LastPost lastPost);

    /** A board's threads: pinned first, then by last activity. */
    List<ForumThread> pageInBoard(BoardId boardId, boolean includeDeleted, int offset, int limit);

    int countInBoard(BoardId boardId, boolean includeDeleted);

    /** All threads by last activity (What's new). */
    List<ForumThread> latest(boolean includeDeleted, int offset, int limit);

    /** Threads by last activity outside the given boards (What's new for a viewer some boards are hidden from). */
    List<ForumThread> latestExcluding(java.util.Set<BoardId> excluded, boolean includeDeleted, int offset, int limit);

    int countAll(boolean includeDeleted);

    /** The newest visible (not deleted) threads outside the given boards, by creation (id), newest first (feeds). */
    List<ForumThread> newestExcluding(java.util.Set<BoardId> excluded, int limit);

    /** The visible thread of a board with the newest last post (the highest post id, see LastPost.isNewerThan), if any. */
    Optional<ForumThread> latestVisibleInBoard(BoardId boardId);

    /** Every thread in id order (recount). */
    void forEach(Consumer<ForumThread> action);
}
