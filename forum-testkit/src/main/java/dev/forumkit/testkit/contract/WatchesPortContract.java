package dev.forumkit.testkit.contract;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.watch.BoardWatch;
import dev.forumkit.core.watch.ThreadWatch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code Watches} port: one watch per (member, thread) and per (member, board); lists newest watch first. */
public abstract class WatchesPortContract extends ContractBase {
    private static final MemberId ANN = MemberId.of(1);
    private static final MemberId BOB = MemberId.of(2);

    private ThreadWatch watch(MemberId m, long thread, boolean email, Instant at) {
        ThreadWatch w = new ThreadWatch(m, ThreadId.of(thread), email, at);
        txRun(() -> storage.watches().putThread(w));
        return w;
    }

    private BoardWatch watchBoard(MemberId m, long board, boolean everyPost, boolean email, Instant at) {
        BoardWatch w = new BoardWatch(m, BoardId.of(board), everyPost, email, at);
        txRun(() -> storage.watches().putBoard(w));
        return w;
    }

    @Test
    void aThreadWatchIsStoredReplacedAndRemoved() {
        ThreadWatch first = watch(ANN, 10, false, clock.instant());
        assertThat(read(() -> storage.watches().thread(ANN, ThreadId.of(10)))).contains(first);
        assertThat(read(() -> storage.watches().thread(BOB, ThreadId.of(10)))).isEmpty();

        ThreadWatch replaced = watch(ANN, 10, true, clock.instant());
        assertThat(read(() -> storage.watches().thread(ANN, ThreadId.of(10)))).contains(replaced);
        assertThat(read(() -> storage.watches().countThreadsOf(ANN))).isEqualTo(1);

        assertThat(tx(() -> storage.watches().removeThread(ANN, ThreadId.of(10)))).isTrue();
        assertThat(tx(() -> storage.watches().removeThread(ANN, ThreadId.of(10)))).isFalse();
        assertThat(read(() -> storage.watches().thread(ANN, ThreadId.of(10)))).isEmpty();
    }

    @Test
    void theWatchersOfAThreadAreEveryoneWatchingIt() {
        ThreadWatch ann = watch(ANN, 10, false, clock.instant());
        ThreadWatch bob = watch(BOB, 10, true, clock.instant());
        watch(BOB, 11, false, clock.instant());

        assertThat(read(() -> storage.watches().watchersOfThread(ThreadId.of(10)))).containsExactlyInAnyOrder(ann, bob);
        assertThat(read(() -> storage.watches().watchersOfThread(ThreadId.of(12)))).isEmpty();
    }

    @Test
    void addingThreadWatchesLeavesTheStoredOnesAsTheyAre() {
        ThreadWatch stored = watch(ANN, 10, true, clock.instant());
        Instant later = clock.instant().plusSeconds(60);
        ThreadWatch ann11 = new ThreadWatch(ANN, ThreadId.of(11), false, later);
        ThreadWatch bob10 = new ThreadWatch(BOB, ThreadId.of(10), false, later);

        txRun(() -> storage.watches().addThreads(List.of(new ThreadWatch(ANN, ThreadId.of(10), false, later), ann11, bob10)));
        txRun(() -> storage.watches().addThreads(List.of(ann11))); // again: nothing changes
        txRun(() -> storage.watches().addThreads(List.of()));

        assertThat(read(() -> storage.watches().thread(ANN, ThreadId.of(10)))).contains(stored);
        assertThat(read(() -> storage.watches().watchersOfThreads(List.of(ThreadId.of(10), ThreadId.of(11)))))
                .containsExactlyInAnyOrder(stored, ann11, bob10);
    }

    @Test
    void theWatchersOfSeveralThreadsAreReadTogether() {
        ThreadWatch ann = watch(ANN, 10, false, clock.instant());
        ThreadWatch bob = watch(BOB, 10, true, clock.instant());
        ThreadWatch bob11 = watch(BOB, 11, false, clock.instant());
        watch(ANN, 13, false, clock.instant());

        assertThat(read(() -> storage.watches().watchersOfThreads(List.of(ThreadId.of(10), ThreadId.of(11), ThreadId.of(12)))))
                .containsExactlyInAnyOrder(ann, bob, bob11);
        assertThat(read(() -> storage.watches().watchersOfThreads(List.of()))).isEmpty();
    }

    @Test
    void aMembersWatchedThreadsArePagedNewestFirst() {
        Instant t = clock.instant();
        watch(ANN, 10, false, t);
        watch(ANN, 11, false, t.plusSeconds(2));
        watch(ANN, 12, false, t.plusSeconds(1));
        watch(ANN, 13, false, t.plusSeconds(1)); // same time: the higher thread id first
        watch(BOB, 14, false, t.plusSeconds(9));

        assertThat(read(() -> storage.watches().threadsOf(ANN, 0, 10))).extracting(w -> w.thread().value())
                .containsExactly(11L, 13L, 12L, 10L);
        assertThat(read(() -> storage.watches().threadsOf(ANN, 1, 2))).extracting(w -> w.thread().value())
                .containsExactly(13L, 12L);
        assertThat(read(() -> storage.watches().countThreadsOf(ANN))).isEqualTo(4);
    }

    @Test
    void aBoardWatchIsStoredReplacedListedAndRemoved() {
        Instant t = clock.instant();
        BoardWatch ann = watchBoard(ANN, 1, false, false, t);
        BoardWatch annEvery = watchBoard(ANN, 1, true, true, t);
        BoardWatch bob = watchBoard(BOB, 1, false, true, t);
        BoardWatch annOther = watchBoard(ANN, 2, false, false, t.plusSeconds(5));

        assertThat(read(() -> storage.watches().board(ANN, BoardId.of(1)))).contains(annEvery).get().isNotEqualTo(ann);
        assertThat(read(() -> storage.watches().watchersOfBoard(BoardId.of(1)))).containsExactlyInAnyOrder(annEvery, bob);
        assertThat(read(() -> storage.watches().boardsOf(ANN, 0, 10))).containsExactly(annOther, annEvery);
        assertThat(read(() -> storage.watches().boardsOf(ANN, 1, 10))).containsExactly(annEvery);
        assertThat(read(() -> storage.watches().countBoardsOf(ANN))).isEqualTo(2);

        assertThat(tx(() -> storage.watches().removeBoard(ANN, BoardId.of(1)))).isTrue();
        assertThat(tx(() -> storage.watches().removeBoard(ANN, BoardId.of(1)))).isFalse();
        assertThat(read(() -> storage.watches().watchersOfBoard(BoardId.of(1)))).containsExactly(bob);
    }
}
