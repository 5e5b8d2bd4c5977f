package dev.forumkit.core.watch;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.content.ThreadId;

import java.util.List;
import java.util.Optional;

/**
 * Storage port for watched threads and boards: at most one watch per (member, thread) and per (member, board).
 * A member's lists are newest watch first (then id).
 */
public interface Watches {
    /** Inserts or replaces the member's watch of the thread. */
    void putThread(ThreadWatch watch);

    /**
     * Adds the watches whose member does not watch the thread yet, in one batch; a watch already stored stays as it is
     * (the fan-out's auto-watches: a step that runs twice, or a member who chose e-mail meanwhile, changes nothing).
     */
    void addThreads(java.util.Collection<ThreadWatch> watches);

    /** True if there was a watch. */
    boolean removeThread(MemberId member, ThreadId thread);

    Optional<ThreadWatch> thread(MemberId member, ThreadId thread);

    /** Everyone watching the thread (a fan-out reads them in one query). */
    List<ThreadWatch> watchersOfThread(ThreadId thread);

    /** Everyone watching any of the threads, in one read (the fan-out of a batch of replies to many threads). */
    List<ThreadWatch> watchersOfThreads(java.util.Collection<ThreadId> threads);

    List<ThreadWatch> threadsOf(MemberId member, int offset, int limit);

    long countThreadsOf(MemberId member);

    /** Inserts or replaces the member's watch of the board. */
    void putBoard(BoardWatch watch);

    boolean removeBoard(MemberId member, BoardId board);

    Optional<BoardWatch> board(MemberId member, BoardId board);

    List<BoardWatch> watchersOfBoard(BoardId board);

    List<BoardWatch> boardsOf(MemberId member, int offset, int limit);

    long countBoardsOf(MemberId member);
}
