package dev.forumkit.testkit.contract;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.thread.ForumThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing threads through the {@code Threads} port: board pages (pinned first, then last activity, newest first,
 * ties by id, newest first), What's new (last activity only), counts and the newest visible thread of a board.
 */
public abstract class ThreadListingPortContract extends ContractBase {
    private PortRows rows;
    private Board board;
    private Board otherBoard;
    private Member alice;
    private Instant t0;

    @BeforeEach
    void rows() {
        rows = new PortRows(storage);
        board = rows.board("Cycling");
        otherBoard = rows.board("Running");
        alice = rows.member("alice", clock.instant());
        t0 = clock.instant();
    }

    /** A thread created at t0 + createdMinute whose last post (if any) is at t0 + lastPostMinute. */
    private ThreadId thread(Board where, int createdMinute, Integer lastPostMinute) {
        ForumThread t = rows.thread(where, alice, t0.plusSeconds(60L * createdMinute));
        if (lastPostMinute != null) {
            LastPost last = LastPost.of(rows.post(t.id(), alice, t0.plusSeconds(60L * lastPostMinute)));
            txRun(() -> storage.threads().setLastPost(t.id(), last));
        }
        return t.id();
    }

    private ForumThread get(ThreadId id) {
        return read(() -> storage.threads().byId(id)).orElseThrow();
    }

    private void pin(ThreadId id) {
        txRun(() -> storage.threads().update(get(id).withPinned(true)));
    }

    private void delete(ThreadId id) {
        txRun(() -> storage.threads().update(get(id).withDeletion(new Deletion(alice.id(), clock.instant(), ""))));
    }

    private static List<ThreadId> ids(List<ForumThread> threads) {
        return threads.stream().map(ForumThread::id).toList();
    }

    @Test
    void aBoardPageListsPinnedThreadsFirstThenByLastActivity() {
        ThreadId old = thread(board, 1, 1);
        ThreadId busy = thread(board, 2, 30);
        ThreadId noPosts = thread(board, 20, null); // activity = creation time
        ThreadId pinnedOld = thread(board, 0, 0);
        ThreadId middle = thread(board, 3, 10);
        thread(otherBoard, 4, 40);
        pin(pinnedOld);

        assertThat(ids(read(() -> storage.threads().pageInBoard(board.id(), false, 0, 10))))
                .containsExactly(pinnedOld, busy, noPosts, middle, old);
    }

    @Test
    void aBoardPageSkipsAndLimits() {
        ThreadId a = thread(board, 1, 1);
        ThreadId b = thread(board, 2, 2);
        ThreadId c = thread(board, 3, 3);
        ThreadId d = thread(board, 4, 4);

        assertThat(ids(read(() -> storage.threads().pageInBoard(board.id(), false, 0, 2)))).containsExactly(d, c);
        assertThat(ids(read(() -> storage.threads().pageInBoard(board.id(), false, 2, 2)))).containsExactly(b, a);
        assertThat(ids(read(() -> storage.threads().pageInBoard(board.id(), false, 3, 2)))).containsExactly(a);
        assertThat(read(() -> storage.threads().pageInBoard(board.id(), false, 4, 2))).isEmpty();
        assertThat(read(() -> storage.threads().pageInBoard(otherBoard.id(), false, 0, 2))).isEmpty();
    }

    @Test
    void threadsWithTheSameLastActivityAreOrderedByIdNewestFirst() {
        ThreadId first = thread(board, 1, 5);
        ThreadId second = thread(board, 1, 5);
        ThreadId third = thread(board, 1, 5);

        List<ThreadId> page = ids(read(() -> storage.threads().pageInBoard(board.id(), false, 0, 10)));
        List<ThreadId> byIdDescending = List.of(first, second, third).stream()
                .sorted((x, y) -> Long.compare(y.value(), x.value())).toList();
        assertThat(page).containsExactlyElementsOf(byIdDescending);
        assertThat(ids(read(() -> storage.threads().latest(false, 0, 10)))).containsExactlyElementsOf(byIdDescending);
    }

    @Test
    void deletedThreadsAreListedAndCountedOnlyWhenAskedFor() {
        ThreadId kept = thread(board, 1, 1);
        ThreadId gone = thread(board, 2, 2);
        thread(otherBoard, 3, 3);
        delete(gone);

        assertThat(ids(read(() -> storage.threads().pageInBoard(board.id(), false, 0, 10)))).containsExactly(kept);
        assertThat(ids(read(() -> storage.threads().pageInBoard(board.id(), true, 0, 10)))).containsExactly(gone, kept);
        assertThat(read(() -> storage.threads().countInBoard(board.id(), false))).isEqualTo(1);
        assertThat(read(() -> storage.threads().countInBoard(board.id(), true))).isEqualTo(2);
        assertThat(read(() -> storage.threads().countAll(false))).isEqualTo(2);
        assertThat(read(() -> storage.threads().countAll(true))).isEqualTo(3);
    }

    @Test
    void latestListsEveryBoardByLastActivityIgnoringPins() {
        ThreadId pinned = thread(board, 0, 0);
        ThreadId elsewhere = thread(otherBoard, 1, 50);
        ThreadId recent = thread(board, 2, 40);
        ThreadId gone = thread(board, 3, 60);
        pin(pinned);
        delete(gone);

        assertThat(ids(read(() -> storage.threads().latest(false, 0, 10)))).containsExactly(elsewhere, recent, pinned);
        assertThat(ids(read(() -> storage.threads().latest(true, 0, 10)))).containsExactly(gone, elsewhere, recent, pinned);
        assertThat(ids(read(() -> storage.threads().latest(false, 1, 1)))).containsExactly(recent);
        assertThat(read(() -> storage.threads().latest(false, 3, 10))).isEmpty();
    }

    @Test
    void newestListsVisibleThreadsByCreationOutsideTheExcludedBoards() {
        ThreadId first = thread(board, 1, 90); // busy, but the oldest
        ThreadId second = thread(otherBoard, 2, null);
        ThreadId gone = thread(board, 3, null);
        ThreadId third = thread(board, 4, 5);
        delete(gone);

        assertThat(ids(read(() -> storage.threads().newestExcluding(java.util.Set.of(), 10))))
                .containsExactly(third, second, first);
        assertThat(ids(read(() -> storage.threads().newestExcluding(java.util.Set.of(), 2)))).containsExactly(third, second);
        assertThat(ids(read(() -> storage.threads().newestExcluding(java.util.Set.of(otherBoard.id()), 10))))
                .containsExactly(third, first);
    }

    @Test
    void latestVisibleInBoardIsTheVisibleThreadWithTheNewestLastPost() {
        assertThat(read(() -> storage.threads().latestVisibleInBoard(board.id()))).isEmpty();
        thread(board, 1, 10);
        ThreadId newest = thread(board, 2, 20);
        ThreadId deleted = thread(board, 3, 30);
        thread(board, 40, null); // no last post: never the answer
        thread(otherBoard, 4, 50);
        delete(deleted);

        assertThat(read(() -> storage.threads().latestVisibleInBoard(board.id())).map(ForumThread::id)).contains(newest);
    }

    @Test
    void latestVisibleInBoardBreaksTiesOnPostId() {
        ThreadId a = thread(board, 1, 10);
        ThreadId b = thread(board, 1, 10);
        LastPost la = get(a).lastPost();
        LastPost lb = get(b).lastPost();
        ThreadId expected = la.postId().value() > lb.postId().value() ? a : b;

        assertThat(read(() -> storage.threads().latestVisibleInBoard(board.id())).map(ForumThread::id)).contains(expected);
    }
}
