package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.content.ThreadId;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The counters of a bulk load into an empty forum, kept in memory while the rows go by (the rules of the core's
 * RecountService): per thread the highest number, the visible posts and the visible post with the highest number;
 * per member the visible posts in visible threads and the weights of the reactions to them; per board what its
 * visible threads add up to. Ids are dense from 1 (the loader hands them out), so arrays indexed by id hold it all:
 * about 8 bytes per post and a few dozen per thread and member.
 *
 * <p>A row it cannot place (a post of a thread not loaded here, a reaction to such a post) makes it {@link #lost()}:
 * the loader then falls back to the set-based recount.
 */
final class LoadCounters {
    static final class ThreadTally {
        final long board;
        final boolean deleted;
        final Instant createdAt;
        int postCounter;
        int visible;
        LastPost last;

        ThreadTally(long board, boolean deleted, Instant createdAt) {
            this.board = board;
            this.deleted = deleted;
            this.createdAt = createdAt;
        }

        int replies() {
            return Math.max(0, visible - 1);
        }
    }

    static final class BoardTally {
        int threads;
        long posts;
        LastPost last;
    }

    private ThreadTally[] threads = new ThreadTally[1024];
    private int threadCount;
    /** Per post (index id - 1): the member its reactions count for, 0 when they count for nobody. */
    private long[] scoredAuthor = new long[1 << 16];
    private long postCount;
    private int[] messages = new int[1024];
    private long[] scores = new long[1024];
    private int memberCount;
    private boolean lost;

    void member(long id) {
        if (id != memberCount + 1) {
            lost = true;
            return;
        }
        memberCount++;
        if (memberCount > messages.length) {
            messages = Arrays.copyOf(messages, messages.length * 2);
            scores = Arrays.copyOf(scores, scores.length * 2);
        }
    }

    void thread(long id, long board, boolean deleted, Instant createdAt) {
        if (id != threadCount + 1) {
            lost = true;
            return;
        }
        if (threadCount == threads.length) {
            threads = Arrays.copyOf(threads, threads.length * 2);
        }
        threads[threadCount++] = new ThreadTally(board, deleted, createdAt);
    }

    void post(long id, long threadId, int number, long authorId, boolean deleted, Instant createdAt) {
        ThreadTally t = threadId >= 1 && threadId <= threadCount ? threads[(int) threadId - 1] : null;
        if (t == null || id != postCount + 1) {
            lost = true;
            return;
        }
        if (postCount == scoredAuthor.length) {
            scoredAuthor = Arrays.copyOf(scoredAuthor, scoredAuthor.length * 2);
        }
        postCount++;
        t.postCounter = Math.max(t.postCounter, number);
        if (deleted) {
            return;
        }
        t.visible++;
        if (t.last == null || number > t.last.number()) {
            t.last = new LastPost(PostId.of(id), ThreadId.of(threadId), number, MemberId.of(authorId), createdAt);
        }
        if (!t.deleted && authorId >= 1 && authorId <= memberCount) {
            messages[(int) authorId - 1]++;
            scoredAuthor[(int) id - 1] = authorId;
        }
    }

    void reaction(long postId, int weight) {
        if (postId < 1 || postId > postCount) {
            lost = true;
            return;
        }
        long author = scoredAuthor[(int) postId - 1];
        if (author != 0) {
            scores[(int) author - 1] += weight;
        }
    }

    boolean lost() {
        return lost;
    }

    int threadCount() {
        return threadCount;
    }

    /** Thread {@code id} (1-based). */
    ThreadTally thread(long id) {
        return threads[(int) id - 1];
    }

    int memberCount() {
        return memberCount;
    }

    int messages(long memberId) {
        return messages[(int) memberId - 1];
    }

    long score(long memberId) {
        return scores[(int) memberId - 1];
    }

    /** The member as loaded, with the counters tallied for it. */
    Member counted(Member m) {
        return m.withCounters(messages(m.id().value()), score(m.id().value()));
    }

    /** The thread as loaded, with its post counter, replies and last post as tallied. */
    ForumThread counted(ForumThread t) {
        ThreadTally tally = thread(t.id().value());
        return new ForumThread(t.id(), t.boardId(), t.title(), t.starterId(), t.createdAt(), t.pinned(), t.locked(),
                t.deletion(), tally.postCounter, tally.replies(), t.viewCount(), tally.last);
    }

    /** The board with the counters of {@link #boards()} (unchanged when none of its threads counts). */
    static Board counted(Board b, BoardTally tally) {
        return tally == null ? b : b.withCounters(tally.threads, tally.posts, tally.last);
    }

    /** The counters of the boards, by id, from the visible threads loaded here (boards without any are absent). */
    Map<Long, BoardTally> boards() {
        Map<Long, BoardTally> boards = new HashMap<>();
        for (int i = 0; i < threadCount; i++) {
            ThreadTally t = threads[i];
            if (t.deleted) {
                continue;
            }
            BoardTally b = boards.computeIfAbsent(t.board, k -> new BoardTally());
            b.threads++;
            b.posts += t.visible;
            if (t.last != null && t.last.isNewerThan(b.last)) {
                b.last = t.last;
            }
        }
        return boards;
    }
}
