package dev.forumkit.core.approval;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Storage port for the approval queue and the boards set to moderated. */
public interface HeldPosts {
    /** Stores a new pending held post; returns it with its id. */
    HeldPost add(HeldPost held);

    Optional<HeldPost> byId(HeldPostId id);

    /**
     * Stores a decision (status, moderator, time, post or rejection) only while the stored one is still pending: two
     * moderators deciding at once cannot both win. True when written.
     */
    boolean decide(HeldPost decided);

    /** Pending held posts on the given boards, oldest first (the queue is worked in order). */
    List<HeldPost> pending(Collection<BoardId> boards, int offset, int limit);

    int countPending(Collection<BoardId> boards);

    /** Pending held replies to a thread, oldest first; with an author, only theirs. */
    List<HeldPost> pendingInThread(ThreadId thread, MemberId author);

    /** The author's held posts in any state, newest first. */
    List<HeldPost> byAuthor(MemberId author, int limit);

    Set<BoardId> moderatedBoards();

    /** Sets or clears a board's moderated flag (every new post there is held). */
    void setModerated(BoardId board, boolean moderated);
}
