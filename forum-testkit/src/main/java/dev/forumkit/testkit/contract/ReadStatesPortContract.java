package dev.forumkit.testkit.contract;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.thread.ForumThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code ReadStates} port: the highest post number each member has read in each thread. */
public abstract class ReadStatesPortContract extends ContractBase {
    private Member alice;
    private Member bob;
    private ForumThread one;
    private ForumThread two;

    @BeforeEach
    void rows() {
        PortRows rows = new PortRows(storage);
        Board board = rows.board("Cycling");
        alice = rows.member("alice", clock.instant());
        bob = rows.member("bob", clock.instant());
        one = rows.thread(board, alice, clock.instant());
        two = rows.thread(board, alice, clock.instant());
    }

    private int lastRead(Member m, ForumThread t) {
        return read(() -> storage.readStates().lastRead(m.id(), t.id()));
    }

    @Test
    void aThreadNeverReadIsAtZero() {
        assertThat(lastRead(alice, one)).isZero();
    }

    @Test
    void markReadRaisesThePosition() {
        txRun(() -> storage.readStates().markRead(alice.id(), one.id(), 3));
        assertThat(lastRead(alice, one)).isEqualTo(3);
        txRun(() -> storage.readStates().markRead(alice.id(), one.id(), 20));
        assertThat(lastRead(alice, one)).isEqualTo(20);
    }

    @Test
    void markReadNeverLowersThePosition() {
        txRun(() -> storage.readStates().markRead(alice.id(), one.id(), 20));
        txRun(() -> storage.readStates().markRead(alice.id(), one.id(), 5));
        assertThat(lastRead(alice, one)).isEqualTo(20);
    }

    @Test
    void positionsArePerMemberAndPerThread() {
        txRun(() -> storage.readStates().markRead(alice.id(), one.id(), 7));
        txRun(() -> storage.readStates().markRead(bob.id(), two.id(), 2));

        assertThat(lastRead(alice, two)).isZero();
        assertThat(lastRead(bob, one)).isZero();
        assertThat(lastRead(alice, one)).isEqualTo(7);
        assertThat(lastRead(bob, two)).isEqualTo(2);
    }

    @Test
    void bulkLastReadLeavesOutThreadsNeverRead() {
        txRun(() -> storage.readStates().markRead(alice.id(), two.id(), 4));

        assertThat(read(() -> storage.readStates().lastRead(alice.id(), List.of(one.id(), two.id()))))
                .isEqualTo(Map.of(two.id(), 4));
        assertThat(read(() -> storage.readStates().lastRead(bob.id(), List.of(one.id(), two.id())))).isEmpty();
        assertThat(read(() -> storage.readStates().lastRead(alice.id(), List.of()))).isEmpty();
    }
}
