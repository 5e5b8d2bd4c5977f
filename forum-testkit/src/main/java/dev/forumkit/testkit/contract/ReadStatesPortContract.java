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
    void readingIsThePositionAndTheMembersOwnReactionsOnThePostsAsked() {
        PortRows rows = new PortRows(storage);
        var p1 = rows.post(one.id(), alice, clock.instant());
        var p2 = rows.post(one.id(), bob, clock.instant());
        var p3 = rows.post(one.id(), bob, clock.instant());
        var elsewhere = rows.post(two.id(), bob, clock.instant());
        for (var r : List.of(new dev.forumkit.core.reaction.Reaction(p2.id(), alice.id(), bob.id(), "like", clock.instant()),
                new dev.forumkit.core.reaction.Reaction(p3.id(), alice.id(), bob.id(), "funny", clock.instant()),
                new dev.forumkit.core.reaction.Reaction(elsewhere.id(), alice.id(), bob.id(), "like", clock.instant()),
                new dev.forumkit.core.reaction.Reaction(p1.id(), bob.id(), alice.id(), "like", clock.instant()))) {
            txRun(() -> storage.reactions().put(r));
        }
        var page = List.of(p1.id(), p2.id(), p3.id());

        // never read: position 0, her reactions on the page only (not bob's, not the post outside the list)
        var never = read(() -> storage.readStates().reading(alice.id(), one.id(), page));
        assertThat(never.lastRead()).isZero();
        assertThat(never.reactions()).isEqualTo(Map.of(p2.id(), "like", p3.id(), "funny"));

        txRun(() -> storage.readStates().markRead(alice.id(), one.id(), 2));
        txRun(() -> storage.readStates().markRead(alice.id(), two.id(), 9));
        var after = read(() -> storage.readStates().reading(alice.id(), one.id(), page));
        assertThat(after.lastRead()).isEqualTo(2).isEqualTo(lastRead(alice, one));
        assertThat(after.reactions()).isEqualTo(read(() -> storage.reactions().typesBy(alice.id(), page)));

        var bobs = read(() -> storage.readStates().reading(bob.id(), one.id(), page));
        assertThat(bobs.lastRead()).isZero();
        assertThat(bobs.reactions()).isEqualTo(Map.of(p1.id(), "like"));
        // no posts asked (an empty page): the position alone
        var none = read(() -> storage.readStates().reading(alice.id(), one.id(), List.of()));
        assertThat(none.lastRead()).isEqualTo(2);
        assertThat(none.reactions()).isEmpty();
        // no reactions among the posts asked, position kept
        var noReactions = read(() -> storage.readStates().reading(alice.id(), one.id(), List.of(p1.id())));
        assertThat(noReactions.lastRead()).isEqualTo(2);
        assertThat(noReactions.reactions()).isEmpty();
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
