package dev.forumkit.testkit.contract;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.ForumException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What soft delete, restore and move do to every counter: thread replies and last post, board threads, posts and
 * last post, member message count and reaction score. Each step is also checked against a recount.
 *
 * <p>The scene: board A holds an older thread by carol (2 posts) and the thread under test by alice (#1), bob (#2,
 * reacted like + love = +2), carol (#3), bob (#4, the last post); board B is empty.
 */
public abstract class CountersContract extends ContractBase {
    private Member alice;
    private Member bob;
    private Member carol;
    private Board boardA;
    private Board boardB;
    private StartedThread older;
    private StartedThread t;

    @BeforeEach
    void scene() {
        alice = fx().member("alice");
        bob = fx().member("bob");
        carol = fx().member("carol");
        boardA = fx().board();
        boardB = fx().board("Running");
        older = fx().thread().by(carol).withReplies(1).start();
        clock.advanceSeconds(60);
        t = fx().thread().by(alice).withReplies(3, bob, carol, bob).start();
        forum.reactions().react(actor(alice), t.post(2).id(), "like");
        forum.reactions().react(actor(carol), t.post(2).id(), "love");
        assertCountersMatchRecount();
    }

    private ForumThread thread() {
        return fx().reload(t.id());
    }

    private Board board(Board b) {
        return fx().reload(b);
    }

    private Member member(Member m) {
        return fx().reload(m);
    }

    private void assertBaseline() {
        assertThat(thread().replyCount()).isEqualTo(3);
        assertThat(thread().lastPost()).isEqualTo(LastPost.of(t.post(4)));
        assertThat(board(boardA).threadCount()).isEqualTo(2);
        assertThat(board(boardA).postCount()).isEqualTo(6);
        assertThat(board(boardA).lastPost()).isEqualTo(LastPost.of(t.post(4)));
        assertThat(board(boardB).threadCount()).isZero();
        assertThat(board(boardB).lastPost()).isNull();
        assertThat(member(alice).messageCount()).isEqualTo(1);
        assertThat(member(bob).messageCount()).isEqualTo(2);
        assertThat(member(bob).reactionScore()).isEqualTo(2);
        assertThat(member(carol).messageCount()).isEqualTo(3);
        assertCountersMatchRecount();
    }

    @Test
    void theSceneStartsWithTheExpectedCounters() {
        assertBaseline();
    }

    @Test
    void deletingAReplyRemovesItFromEveryCounterAndRestoringPutsItBack() {
        forum.posts().delete(actor(fx().moderator()), t.post(2).id(), "spam");

        assertThat(thread().replyCount()).isEqualTo(2);
        assertThat(thread().lastPost()).isEqualTo(LastPost.of(t.post(4)));
        assertThat(board(boardA).postCount()).isEqualTo(5);
        assertThat(board(boardA).threadCount()).isEqualTo(2);
        assertThat(member(bob).messageCount()).isEqualTo(1);
        assertThat(member(bob).reactionScore()).as("reactions on a deleted post do not count").isZero();
        assertCountersMatchRecount();

        forum.posts().restore(actor(fx().moderator()), t.post(2).id());
        assertBaseline();
    }

    @Test
    void deletingTheLastPostMovesTheLastPostPointersBack() {
        forum.posts().delete(actor(bob), t.post(4).id(), "");

        assertThat(thread().lastPost()).isEqualTo(LastPost.of(t.post(3)));
        assertThat(board(boardA).lastPost()).isEqualTo(LastPost.of(t.post(3)));
        assertThat(thread().replyCount()).isEqualTo(2);
        assertCountersMatchRecount();

        forum.posts().restore(actor(fx().admin()), t.post(4).id());
        assertBaseline();
    }

    @Test
    void deletingAThreadTakesItsPostsOutOfBoardAndMemberCounters() {
        forum.threads().delete(actor(fx().moderator()), t.id(), "off topic");

        assertThat(board(boardA).threadCount()).isEqualTo(1);
        assertThat(board(boardA).postCount()).isEqualTo(2);
        assertThat(board(boardA).lastPost()).isEqualTo(LastPost.of(older.post(2)));
        assertThat(member(alice).messageCount()).isZero();
        assertThat(member(bob).messageCount()).isZero();
        assertThat(member(bob).reactionScore()).isZero();
        assertThat(member(carol).messageCount()).isEqualTo(2);
        assertThat(thread().replyCount()).as("a thread's own counters follow its posts, whatever its state").isEqualTo(3);
        assertThat(thread().lastPost()).isEqualTo(LastPost.of(t.post(4)));
        assertCountersMatchRecount();

        forum.threads().restore(actor(fx().moderator()), t.id());
        assertBaseline();
    }

    @Test
    void deletingTheOnlyThreadLeavesTheBoardWithoutALastPost() {
        StartedThread lone = fx().thread().in(boardB).by(bob).start();
        assertThat(board(boardB).lastPost()).isEqualTo(LastPost.of(lone.first()));

        forum.threads().delete(actor(fx().moderator()), lone.id(), "");

        assertThat(board(boardB).threadCount()).isZero();
        assertThat(board(boardB).postCount()).isZero();
        assertThat(board(boardB).lastPost()).isNull();
        assertCountersMatchRecount();
    }

    @Test
    void aReplyDeletedInsideADeletedThreadStaysOutAfterTheThreadIsRestored() {
        forum.posts().delete(actor(fx().moderator()), t.post(3).id(), "");
        forum.threads().delete(actor(fx().moderator()), t.id(), "");
        assertCountersMatchRecount();

        forum.threads().restore(actor(fx().moderator()), t.id());

        assertThat(board(boardA).postCount()).isEqualTo(5);
        assertThat(member(carol).messageCount()).isEqualTo(2);
        assertThat(thread().replyCount()).isEqualTo(2);
        assertCountersMatchRecount();
    }

    @Test
    void restoringAReplyWhileItsThreadIsDeletedCountsOnlyOnceTheThreadReturns() {
        forum.posts().delete(actor(fx().moderator()), t.post(2).id(), "");
        forum.threads().delete(actor(fx().moderator()), t.id(), "");

        forum.posts().restore(actor(fx().moderator()), t.post(2).id());
        assertThat(member(bob).messageCount()).isZero();
        assertThat(member(bob).reactionScore()).isZero();
        assertThat(thread().replyCount()).isEqualTo(3);
        assertCountersMatchRecount();

        forum.threads().restore(actor(fx().moderator()), t.id());
        assertBaseline();
    }

    @Test
    void movingAThreadMovesItsCountsAndLastPostBetweenBoards() {
        forum.threads().move(actor(fx().moderator()), t.id(), boardB.id());

        assertThat(board(boardA).threadCount()).isEqualTo(1);
        assertThat(board(boardA).postCount()).isEqualTo(2);
        assertThat(board(boardA).lastPost()).isEqualTo(LastPost.of(older.post(2)));
        assertThat(board(boardB).threadCount()).isEqualTo(1);
        assertThat(board(boardB).postCount()).isEqualTo(4);
        assertThat(board(boardB).lastPost()).isEqualTo(LastPost.of(t.post(4)));
        assertThat(member(bob).messageCount()).as("moving changes no member counter").isEqualTo(2);
        assertThat(member(bob).reactionScore()).isEqualTo(2);
        assertThat(thread().boardId()).isEqualTo(boardB.id());
        assertCountersMatchRecount();

        forum.threads().move(actor(fx().moderator()), t.id(), boardA.id());
        assertBaseline();
    }

    @Test
    void movingAnOlderThreadKeepsTheTargetBoardsNewerLastPost() {
        forum.threads().move(actor(fx().moderator()), t.id(), boardB.id());
        forum.threads().move(actor(fx().moderator()), older.id(), boardB.id());

        assertThat(board(boardB).lastPost()).isEqualTo(LastPost.of(t.post(4)));
        assertThat(board(boardA).lastPost()).isNull();
        assertThat(board(boardA).threadCount()).isZero();
        assertCountersMatchRecount();
    }

    @Test
    void movingADeletedThreadChangesNoCountUntilItIsRestored() {
        forum.threads().delete(actor(fx().moderator()), t.id(), "");
        forum.threads().move(actor(fx().moderator()), t.id(), boardB.id());

        assertThat(board(boardB).threadCount()).isZero();
        assertThat(board(boardB).postCount()).isZero();
        assertCountersMatchRecount();

        forum.threads().restore(actor(fx().moderator()), t.id());
        assertThat(board(boardB).threadCount()).isEqualTo(1);
        assertThat(board(boardB).postCount()).isEqualTo(4);
        assertThat(board(boardB).lastPost()).isEqualTo(LastPost.of(t.post(4)));
        assertThat(board(boardA).threadCount()).isEqualTo(1);
        assertCountersMatchRecount();
    }

    @Test
    void movingAThreadToItsOwnBoardChangesNothing() {
        forum.threads().move(actor(fx().moderator()), t.id(), boardA.id());
        assertBaseline();
    }

    @Test
    void theFirstPostCannotBeDeletedAlone() {
        assertThatThrownBy(() -> forum.posts().delete(actor(fx().moderator()), t.first().id(), ""))
                .isInstanceOf(ConflictException.class);
        assertThat(fx().reload(t.first()).isDeleted()).isFalse();
        assertBaseline();
    }

    @Test
    void deletingTwiceOrRestoringWhatIsNotDeletedIsAConflictAndChangesNothing() {
        forum.posts().delete(actor(fx().moderator()), t.post(2).id(), "");
        assertThatThrownBy(() -> forum.posts().delete(actor(fx().moderator()), t.post(2).id(), ""))
                .isInstanceOf(ForumException.class);
        assertThatThrownBy(() -> forum.posts().restore(actor(fx().moderator()), t.post(3).id()))
                .isInstanceOf(ConflictException.class);
        forum.threads().delete(actor(fx().moderator()), older.id(), "");
        assertThatThrownBy(() -> forum.threads().delete(actor(fx().moderator()), older.id(), ""))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> forum.threads().restore(actor(fx().moderator()), t.id()))
                .isInstanceOf(ConflictException.class);
        assertCountersMatchRecount();
    }

    @Test
    void newRepliesAfterADeletionKeepCountingFromTheHighestNumber() {
        forum.posts().delete(actor(fx().moderator()), t.post(4).id(), "");
        var next = fx().reply(carol, t.id());

        assertThat(next.number()).as("numbers are never reused").isEqualTo(5);
        assertThat(thread().lastPost()).isEqualTo(LastPost.of(next));
        assertThat(board(boardA).lastPost()).isEqualTo(LastPost.of(next));
        assertCountersMatchRecount();
    }
}
