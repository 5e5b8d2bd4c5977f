package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.counter.RecountReport;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.BoardCounts;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberCounts;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.MemberSort;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostView;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members' counters by board (issue 14): kept in the same command as the totals by every write that changes them,
 * checked and repaired by recount, and what every list shows a viewer who may not see a board.
 */
public abstract class MemberBoardCountsContract extends ContractBase {
    private Actor admin;
    private Board secret;
    private Member bob;
    private Member carol;

    @BeforeEach
    void scene() {
        admin = actor(fx().admin());
        secret = forum.boards().createBoard(admin, fx().category().id(), "Back room", "", "");
        bob = fx().member("bob");
        carol = fx().member("carol");
    }

    /** From now on guests and members may not see the back room (its content was written before). */
    private void hideTheBackRoom() {
        for (GroupId g : List.of(GroupId.GUESTS, GroupId.MEMBERS)) {
            forum.permissions().set(admin, new Grant(Grant.Subject.group(g), Grant.Scope.board(secret.id()),
                    Permission.VIEW_BOARD, GrantValue.DENY));
        }
    }

    private Map<MemberId, MemberCounts> on(BoardId board, Member... members) {
        return read(() -> storage.members().countsOn(List.of(members).stream().map(Member::id).toList(), Set.of(board)));
    }

    private List<BoardCounts> rows() {
        List<BoardCounts> all = new ArrayList<>();
        txRun(() -> storage.members().forEachBoardCounts(all::add));
        return all;
    }

    @Test
    void thePortAddsToTheTotalsAndTheBoardsPartAndSumsOverTheBoardsAsked() {
        BoardId open = fx().board().id();
        txRun(() -> {
            storage.members().addCounters(bob.id(), open, 3, 2);
            storage.members().addCounters(bob.id(), secret.id(), 2, -1);
            storage.members().addCounters(bob.id(), open, -1, 1);
        });

        assertThat(fx().reload(bob).messageCount()).isEqualTo(4);
        assertThat(fx().reload(bob).reactionScore()).isEqualTo(2);
        assertThat(on(open, bob, carol)).containsExactly(Map.entry(bob.id(), new MemberCounts(2, 3)));
        assertThat(read(() -> storage.members().countsOn(List.of(bob.id(), carol.id()), Set.of(open, secret.id()))))
                .containsExactly(Map.entry(bob.id(), new MemberCounts(4, 2)));
        assertThat(read(() -> storage.members().countsOn(List.of(bob.id()), Set.of()))).isEmpty();
        assertThat(read(() -> storage.members().countsOn(List.of(), Set.of(open)))).isEmpty();
        assertThat(rows()).containsExactlyInAnyOrder(new BoardCounts(bob.id(), open, 2, 3),
                new BoardCounts(bob.id(), secret.id(), 2, -1));

        txRun(() -> storage.members().setBoardCounts(new BoardCounts(bob.id(), open, 7, 0)));
        txRun(() -> storage.members().setBoardCounts(new BoardCounts(bob.id(), secret.id(), 0, 0)));
        assertThat(rows()).containsExactly(new BoardCounts(bob.id(), open, 7, 0));
        assertThat(on(secret.id(), bob)).isEmpty();
        assertThat(fx().reload(bob).messageCount()).as("setBoardCounts leaves the totals alone").isEqualTo(4);
    }

    @Test
    void aRolledBackCommandLeavesTheBoardsPartAsItWas() {
        BoardId open = fx().board().id();
        txRun(() -> storage.members().addCounters(bob.id(), open, 1, 1));
        try {
            txRun(() -> {
                storage.members().addCounters(bob.id(), open, 5, 5);
                storage.members().addCounters(carol.id(), open, 5, 5);
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(rows()).containsExactly(new BoardCounts(bob.id(), open, 1, 1));
    }

    @Test
    void everyWriteKeepsTheBoardsPartEqualToARecount() {
        StartedThread open = fx().thread().by(bob).titled("Open ride").withReplies(2, carol).start();
        StartedThread hidden = fx().thread().by(bob).in(secret).titled("Secret plans").start();
        Post reply = forum.posts().reply(admin, hidden.id(), "noted").post();
        forum.reactions().react(admin, hidden.first().id(), "like");
        forum.reactions().react(actor(carol), open.first().id(), "love");
        forum.reactions().react(admin, hidden.first().id(), "angry"); // a changed reaction
        forum.reactions().react(actor(bob), reply.id(), "like");
        assertThat(on(secret.id(), bob)).containsExactly(Map.entry(bob.id(), new MemberCounts(1, -1)));
        assertThat(on(fx().board().id(), bob)).containsExactly(Map.entry(bob.id(), new MemberCounts(1, 1)));
        assertCountersMatchRecount();

        forum.reactions().unreact(admin, hidden.first().id());
        forum.posts().delete(admin, open.post(2).id(), "off topic");
        assertThat(on(fx().board().id(), carol)).containsExactly(Map.entry(carol.id(), new MemberCounts(1, 0)));
        assertCountersMatchRecount();
        forum.posts().restore(admin, open.post(2).id());
        assertCountersMatchRecount();

        forum.threads().move(admin, open.id(), secret.id()); // everything of the thread now counts on the secret board
        assertThat(on(secret.id(), bob)).containsExactly(Map.entry(bob.id(), new MemberCounts(2, 1)));
        assertThat(on(fx().board().id(), bob, carol).values()).allSatisfy(c -> assertThat(c).isEqualTo(MemberCounts.ZERO));
        assertThat(on(secret.id(), carol)).containsExactly(Map.entry(carol.id(), new MemberCounts(2, 0)));
        assertCountersMatchRecount();

        forum.threads().delete(admin, open.id(), "spam");
        assertThat(on(secret.id(), bob)).containsExactly(Map.entry(bob.id(), new MemberCounts(1, 0)));
        assertCountersMatchRecount();
        forum.threads().move(admin, open.id(), fx().board().id()); // a deleted thread counts nowhere, moved or not
        forum.threads().restore(admin, open.id()); // and comes back where it is now
        assertThat(on(fx().board().id(), bob)).containsExactly(Map.entry(bob.id(), new MemberCounts(1, 1)));
        assertCountersMatchRecount();
    }

    @Test
    void anApprovedPostCountsOnItsBoardWhenApproved() {
        StartedThread open = fx().thread().by(carol).start();
        forum.approvals().setModerated(admin, fx().board().id(), true);
        var held = forum.posts().submitReply(actor(bob), open.id(), "held for now", () -> { });
        assertThat(held.isHeld()).isTrue();
        assertThat(on(fx().board().id(), bob)).isEmpty();

        forum.approvals().approve(admin, held.held().id());

        assertThat(on(fx().board().id(), bob)).containsExactly(Map.entry(bob.id(), new MemberCounts(1, 0)));
        assertCountersMatchRecount();
    }

    @Test
    void recountFindsAndRepairsADifferenceOnOneBoardAlone() {
        fx().thread().by(bob).in(secret).start();
        fx().thread().by(bob).start();
        BoardId open = fx().board().id();
        txRun(() -> {
            storage.members().setBoardCounts(new BoardCounts(bob.id(), secret.id(), 0, 0)); // lost
            storage.members().setBoardCounts(new BoardCounts(bob.id(), open, 1, 4)); // wrong score
            storage.members().setBoardCounts(new BoardCounts(carol.id(), open, 3, 0)); // never posted
        });

        RecountReport report = forum.counters().recountAsSystem(false);

        String bobSecret = "member " + bob.id() + " on board " + secret.id();
        String bobOpen = "member " + bob.id() + " on board " + open;
        String carolOpen = "member " + carol.id() + " on board " + open;
        assertThat(report.differences()).extracting(d -> d.entity() + " " + d.field() + " " + d.stored() + "->" + d.expected())
                .containsExactlyInAnyOrder(bobSecret + " message_count 0->1", bobOpen + " reaction_score 4->0",
                        carolOpen + " message_count 3->0");
        forum.counters().recountAsSystem(true);
        assertThat(forum.counters().recountAsSystem(false).differences()).isEmpty();
        assertThat(rows()).containsExactlyInAnyOrder(new BoardCounts(bob.id(), secret.id(), 1, 0),
                new BoardCounts(bob.id(), open, 1, 0));
    }

    @Test
    void aViewerWhoMayNotSeeABoardGetsCountsWithoutItOnEveryListAndStaffGetTheTotals() {
        StartedThread open = fx().thread().by(bob).titled("Open ride").withReplies(2, carol).start();
        StartedThread hidden = fx().thread().by(bob).in(secret).titled("Secret plans").withReplies(2, bob).start();
        forum.reactions().react(admin, hidden.first().id(), "like");
        forum.reactions().react(admin, hidden.post(2).id(), "love");
        forum.reactions().react(actor(carol), open.first().id(), "angry");
        hideTheBackRoom();
        Actor guest = Actor.guest();

        for (Actor outside : List.of(guest, actor(carol))) {
            PostView first = forum.reading().threadPage(outside, open.id(), 1).posts().items().get(0);
            assertThat(first.author().messageCount()).isEqualTo(1);
            assertThat(first.author().reactionScore()).isEqualTo(-1);
            assertThat(forum.reading().post(outside, open.first().id()).author().messageCount()).isEqualTo(1);
            assertThat(forum.reading().memberProfile(outside, bob.id()).member().messageCount()).isEqualTo(1);
            List<Member> list = forum.profiles().memberList(outside, MemberSort.MESSAGES, 1).items();
            assertThat(list).filteredOn(m -> m.id().equals(bob.id())).singleElement()
                    .satisfies(m -> assertThat(m.messageCount()).isEqualTo(1))
                    .satisfies(m -> assertThat(m.reactionScore()).isEqualTo(-1));
            assertThat(list).extracting(Member::id).as("carol's 2 before bob's 1: his hidden posts do not lift him")
                    .containsSubsequence(carol.id(), bob.id());
            assertThat(forum.profiles().memberList(outside, MemberSort.REACTION_SCORE, 1).items())
                    .extracting(Member::id).as("bob's -1 puts him last").endsWith(bob.id());
        }
        assertThat(forum.reactions().react(actor(carol), open.first().id(), "wow").authorReactionScore())
                .as("the score a reaction answers is the reacting member's view too: angry became wow").isEqualTo(1);

        PostView asAdmin = forum.reading().threadPage(admin, open.id(), 1).posts().items().get(0);
        assertThat(asAdmin.author().messageCount()).isEqualTo(4).isEqualTo(fx().reload(bob).messageCount());
        assertThat(asAdmin.author().reactionScore()).isEqualTo(3).isEqualTo(fx().reload(bob).reactionScore());
        assertThat(forum.profiles().memberList(admin, MemberSort.MESSAGES, 1).items().get(0).id()).isEqualTo(bob.id());
        assertThat(forum.profiles().memberList(admin, MemberSort.MESSAGES, 1).items().get(0).messageCount()).isEqualTo(4);
    }
}
