package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostView;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.read.PostLocation;
import dev.forumkit.core.read.ThreadSummary;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Paging edges of board pages, What's new and thread pages (20 a page; thread page n is numbers 20(n-1)+1..20n). */
public abstract class PagingContract extends ContractBase {

    /** Starts {@code n} threads a minute apart; returns their ids, oldest first. */
    private List<ThreadId> threads(int n) {
        Member starter = fx().member("starter");
        List<ThreadId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clock.advanceSeconds(60);
            ids.add(fx().thread().by(starter).titled("Thread " + i).start().id());
        }
        return ids;
    }

    private Page<ThreadSummary> boardPage(int page) {
        return forum.reading().boardPage(Actor.guest(), fx().board().id(), page).threads();
    }

    private static List<ThreadId> ids(Page<ThreadSummary> page) {
        return page.items().stream().map(s -> s.thread().id()).toList();
    }

    private static List<Integer> numbers(Page<PostView> page) {
        return page.items().stream().map(v -> v.post().number()).toList();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void anEmptyBoardHasOneEmptyPage() {
        Page<ThreadSummary> page = boardPage(1);
        assertThat(page.items()).isEmpty();
        assertThat(page.currentPage()).isEqualTo(1);
        assertThat(page.lastPage()).isEqualTo(1);
        assertThat(page.total()).isZero();
        assertThat(page.perPage()).isEqualTo(20);
    }

    @Test
    void exactlyTwentyThreadsFillOnePage() {
        List<ThreadId> ids = threads(20);
        Page<ThreadSummary> first = boardPage(1);
        assertThat(first.items()).hasSize(20);
        assertThat(first.lastPage()).isEqualTo(1);
        assertThat(first.total()).isEqualTo(20);
        assertThat(ids(first).get(0)).as("newest first").isEqualTo(ids.get(19));
        assertThat(boardPage(2).items()).isEmpty();
    }

    @Test
    void theTwentyFirstThreadOpensASecondPage() {
        List<ThreadId> ids = threads(21);
        Page<ThreadSummary> first = boardPage(1);
        Page<ThreadSummary> second = boardPage(2);

        assertThat(first.items()).hasSize(20);
        assertThat(first.lastPage()).isEqualTo(2);
        assertThat(second.lastPage()).isEqualTo(2);
        assertThat(second.currentPage()).isEqualTo(2);
        assertThat(ids(second)).as("the oldest thread is alone on the last page").containsExactly(ids.get(0));
        assertThat(first.total()).isEqualTo(21);
    }

    @Test
    void aPagePastTheEndIsEmptyButKnowsTheLastPage() {
        threads(3);
        Page<ThreadSummary> page = boardPage(7);
        assertThat(page.items()).isEmpty();
        assertThat(page.currentPage()).isEqualTo(7);
        assertThat(page.lastPage()).isEqualTo(1);
        assertThat(page.total()).isEqualTo(3);
    }

    @Test
    void pinnedThreadsLeadTheFirstPage() {
        List<ThreadId> ids = threads(22);
        forum.threads().pin(actor(fx().moderator()), ids.get(0), true);

        assertThat(ids(boardPage(1)).get(0)).isEqualTo(ids.get(0));
        assertThat(ids(boardPage(2))).containsExactly(ids.get(2), ids.get(1));
    }

    @Test
    void deletedThreadsLeaveTheBoardPagesOfNonStaffOnly() {
        List<ThreadId> ids = threads(21);
        forum.threads().delete(actor(fx().moderator()), ids.get(5), "");

        assertThat(boardPage(1).lastPage()).isEqualTo(1);
        assertThat(boardPage(1).total()).isEqualTo(20);
        assertThat(boardPage(1).items()).extracting(s -> s.thread().id()).doesNotContain(ids.get(5));
        Page<ThreadSummary> staff = forum.reading().boardPage(actor(fx().moderator()), fx().board().id(), 1).threads();
        assertThat(staff.total()).isEqualTo(21);
        assertThat(staff.lastPage()).isEqualTo(2);
    }

    @Test
    void whatsNewPagesTheSameWay() {
        List<ThreadId> ids = threads(21);
        Page<ThreadSummary> first = forum.reading().whatsNew(Actor.guest(), 1);
        Page<ThreadSummary> second = forum.reading().whatsNew(Actor.guest(), 2);

        assertThat(first.items()).hasSize(20);
        assertThat(first.lastPage()).isEqualTo(2);
        assertThat(ids(second)).containsExactly(ids.get(0));
        assertThat(forum.reading().whatsNew(Actor.guest(), 3).items()).isEmpty();
    }

    @Test
    void pageZeroOrBelowIsInvalidInput() {
        StartedThread t = fx().thread().start();
        assertThatThrownBy(() -> boardPage(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> boardPage(-1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> forum.reading().threadPage(Actor.guest(), t.id(), 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> forum.reading().whatsNew(Actor.guest(), 0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void threadPageNHoldsPostNumbersTwentyNMinusNineteenToTwentyN() {
        StartedThread t = fx().thread().withReplies(40).start();

        Page<PostView> one = forum.reading().threadPage(Actor.guest(), t.id(), 1).posts();
        Page<PostView> two = forum.reading().threadPage(Actor.guest(), t.id(), 2).posts();
        Page<PostView> three = forum.reading().threadPage(Actor.guest(), t.id(), 3).posts();
        Page<PostView> four = forum.reading().threadPage(Actor.guest(), t.id(), 4).posts();

        assertThat(numbers(one)).isEqualTo(range(1, 20));
        assertThat(numbers(two)).isEqualTo(range(21, 40));
        assertThat(numbers(three)).containsExactly(41);
        assertThat(four.items()).as("past the end").isEmpty();
        assertThat(one.lastPage()).isEqualTo(3);
        assertThat(four.lastPage()).isEqualTo(3);
        assertThat(one.total()).isEqualTo(41);
    }

    @Test
    void aThreadOfExactlyTwentyPostsHasOnePage() {
        StartedThread t = fx().thread().withReplies(19).start();
        assertThat(forum.reading().threadPage(Actor.guest(), t.id(), 1).posts().lastPage()).isEqualTo(1);
        assertThat(forum.reading().threadPage(Actor.guest(), t.id(), 2).posts().items()).isEmpty();
    }

    @Test
    void deletedPostsLeaveGapsButNeverMoveOtherPostsToAnotherPage() {
        StartedThread t = fx().thread().withReplies(24).start();
        forum.posts().delete(actor(fx().moderator()), t.post(5).id(), "");
        forum.posts().delete(actor(fx().moderator()), t.post(25).id(), "");

        Page<PostView> memberOne = forum.reading().threadPage(actor(fx().member()), t.id(), 1).posts();
        Page<PostView> memberTwo = forum.reading().threadPage(Actor.guest(), t.id(), 2).posts();
        Page<PostView> staffOne = forum.reading().threadPage(actor(fx().moderator()), t.id(), 1).posts();
        Page<PostView> staffTwo = forum.reading().threadPage(actor(fx().moderator()), t.id(), 2).posts();

        assertThat(numbers(memberOne)).hasSize(19).doesNotContain(5).contains(20);
        assertThat(numbers(memberTwo)).isEqualTo(range(21, 24));
        assertThat(numbers(staffOne)).isEqualTo(range(1, 20));
        assertThat(staffOne.items().get(4).post().isDeleted()).isTrue();
        assertThat(numbers(staffTwo)).isEqualTo(range(21, 25));
    }

    @Test
    void locatingAPostGivesItsPageAndAnchor() {
        StartedThread t = fx().thread().withReplies(45).start();
        Post p21 = t.post(21);

        PostLocation loc = forum.reading().locate(Actor.guest(), p21.id());

        assertThat(loc.threadId()).isEqualTo(t.id());
        assertThat(loc.number()).isEqualTo(21);
        assertThat(loc.page()).isEqualTo(2);
        assertThat(loc.anchor()).isEqualTo("post-" + p21.id());
        assertThat(forum.reading().locate(Actor.guest(), t.post(20).id()).page()).isEqualTo(1);
        assertThat(forum.reading().locate(Actor.guest(), t.post(46).id()).page()).isEqualTo(3);
    }
}
