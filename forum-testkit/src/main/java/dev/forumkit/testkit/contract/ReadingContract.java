package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.read.BoardIndex;
import dev.forumkit.core.read.MemberProfile;
import dev.forumkit.core.read.ThreadPage;
import dev.forumkit.core.read.ThreadSummary;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;

/** The read side over the storage: read positions, unread flags, buffered views, the index and profiles. */
public abstract class ReadingContract extends ContractBase {
    private Member alice;
    private Member bob;
    private StartedThread t;

    @BeforeEach
    void scene() {
        alice = fx().member("alice");
        bob = fx().member("bob");
        t = fx().thread().by(alice).withReplies(24).start(); // 25 posts: pages 1 (1-20) and 2 (21-25)
    }

    private int lastRead(Member m) {
        return read(() -> storage.readStates().lastRead(m.id(), t.id()));
    }

    private boolean unreadInWhatsNew(Member m) {
        List<ThreadSummary> items = forum.reading().whatsNew(actor(m), 1).items();
        return items.stream().filter(s -> s.thread().id().equals(t.id())).findFirst().orElseThrow().unread();
    }

    @Test
    void viewingAPageMovesTheMembersReadPositionToItsLastPost() {
        assertThat(lastRead(bob)).isZero();
        forum.reading().threadPage(actor(bob), t.id(), 1);
        assertThat(lastRead(bob)).isEqualTo(20);
        forum.reading().threadPage(actor(bob), t.id(), 2);
        assertThat(lastRead(bob)).isEqualTo(25);
    }

    @Test
    void aThreadPageWithoutProfilesShowsTheSamePostsAndAuthorsAndNoProfiles() {
        forum.profiles().update(actor(alice), alice.id(), new dev.forumkit.core.profile.ProfileEdit("About", "Lyon", null,
                "Alice's signature", "Europe/Paris", dev.forumkit.core.profile.DateStyle.DAY_MONTH_YEAR, false, false, "en"));
        for (Actor viewer : List.of(Actor.guest(), actor(bob), actor(alice))) {
            ThreadPage with = forum.reading().threadPage(viewer, t.id(), 1);
            ThreadPage without = forum.reading().threadPage(viewer, t.id(), 1, false);
            assertThat(with.profiles()).containsKey(alice.id());
            assertThat(without.profiles()).isEmpty();
            assertThat(without.posts().items()).extracting(v -> v.post().id(), v -> v.author(), v -> v.reactionCounts())
                    .containsExactlyElementsOf(with.posts().items().stream()
                            .map(v -> org.assertj.core.groups.Tuple.tuple(v.post().id(), v.author(), v.reactionCounts())).toList());
            assertThat(without.starter()).isEqualTo(with.starter());
            assertThat(without.thread().id()).isEqualTo(with.thread().id());
        }
    }

    @Test
    void goingBackToAnEarlierPageNeverMovesTheReadPositionBack() {
        forum.reading().threadPage(actor(bob), t.id(), 2);
        forum.reading().threadPage(actor(bob), t.id(), 1);
        assertThat(lastRead(bob)).isEqualTo(25);
    }

    @Test
    void postsAfterTheReadPositionAreFlaggedUnread() {
        forum.reading().threadPage(actor(bob), t.id(), 1);
        ThreadPage second = forum.reading().threadPage(actor(bob), t.id(), 2);

        assertThat(second.firstUnread()).isEqualTo(21);
        assertThat(second.posts().items()).allMatch(v -> v.unread());
        ThreadPage firstAgain = forum.reading().threadPage(actor(bob), t.id(), 1);
        assertThat(firstAgain.posts().items()).noneMatch(v -> v.unread());
        assertThat(firstAgain.firstUnread()).isZero();
    }

    @Test
    void aGuestReadingWritesNothing() {
        long before = counted.writeTransactions();

        forum.reading().boardIndex(Actor.guest());
        forum.reading().boardPage(Actor.guest(), fx().board().id(), 1);
        forum.reading().threadPage(Actor.guest(), t.id(), 1);
        forum.reading().threadPage(Actor.guest(), t.id(), 2);
        forum.reading().whatsNew(Actor.guest(), 1);
        forum.reading().locate(Actor.guest(), t.post(22).id());
        forum.reading().memberProfile(Actor.guest(), alice.id());

        assertThat(counted.writeTransactions() - before).isZero();
        assertThat(forum.reading().whatsNew(Actor.guest(), 1).items()).noneMatch(ThreadSummary::unread);
    }

    @Test
    void aMemberReadingWhatTheyHaveReadWritesNothing() {
        forum.reading().threadPage(actor(bob), t.id(), 1);
        long before = counted.writeTransactions();
        forum.reading().threadPage(actor(bob), t.id(), 1);
        forum.reading().whatsNew(actor(bob), 1);
        assertThat(counted.writeTransactions() - before).isZero();
    }

    @Test
    void ownPostsAreNeverUnreadForTheirAuthor() {
        forum.reading().threadPage(actor(bob), t.id(), 2);
        fx().reply(bob, t.id());
        assertThat(lastRead(bob)).isEqualTo(26);
        assertThat(unreadInWhatsNew(bob)).as("bob's own reply").isFalse();
        assertThat(unreadInWhatsNew(alice)).as("alice has not read bob's reply").isTrue();

        StartedThread own = fx().thread().by(bob).start();
        assertThat(read(() -> storage.readStates().lastRead(bob.id(), own.id()))).isEqualTo(1);
    }

    @Test
    void whatsNewFlagsThreadsWithPostsTheMemberHasNotRead() {
        assertThat(unreadInWhatsNew(bob)).isTrue();
        forum.reading().threadPage(actor(bob), t.id(), 1);
        assertThat(unreadInWhatsNew(bob)).as("page 2 still unread").isTrue();
        forum.reading().threadPage(actor(bob), t.id(), 2);
        assertThat(unreadInWhatsNew(bob)).isFalse();

        fx().reply(alice, t.id());
        assertThat(unreadInWhatsNew(bob)).as("a new reply").isTrue();
        assertThat(forum.reading().boardPage(actor(bob), fx().board().id(), 1).threads().items().get(0).unread()).isTrue();
    }

    @Test
    void whatsNewListsThreadsByLatestActivity() {
        clock.advanceSeconds(60);
        StartedThread newer = fx().thread().by(bob).start();
        assertThat(forum.reading().whatsNew(Actor.guest(), 1).items()).extracting(s -> s.thread().id())
                .containsExactly(newer.id(), t.id());

        clock.advanceSeconds(60);
        fx().reply(bob, t.id());
        assertThat(forum.reading().whatsNew(Actor.guest(), 1).items()).extracting(s -> s.thread().id())
                .containsExactly(t.id(), newer.id());
    }

    @Test
    void viewsAreBufferedAndWrittenInOneBatchByFlushViews() {
        StartedThread other = fx().thread().start();
        forum.reading().threadPage(Actor.guest(), t.id(), 1);
        forum.reading().threadPage(actor(bob), t.id(), 2);
        forum.reading().threadPage(Actor.guest(), t.id(), 1);
        forum.reading().threadPage(Actor.guest(), other.id(), 1);

        assertThat(fx().reload(t.id()).viewCount()).as("nothing written yet").isZero();
        forum.reading().threadPage(Actor.guest(), other.id(), 1);
        assertThat(forum.reading().whatsNew(Actor.guest(), 1).items()).filteredOn(s -> s.thread().id().equals(other.id()))
                .extracting(s -> s.thread().viewCount()).as("shown with the pending views").containsExactly(2L);

        long before = counted.writeTransactions();
        assertThat(forum.flushViews()).isEqualTo(5);
        assertThat(counted.writeTransactions() - before).as("one batch").isEqualTo(1);
        assertThat(fx().reload(t.id()).viewCount()).isEqualTo(3);
        assertThat(fx().reload(other.id()).viewCount()).isEqualTo(2);
        assertThat(forum.flushViews()).isZero();
        assertThat(fx().reload(t.id()).viewCount()).isEqualTo(3);
    }

    @Test
    void closingTheForumWritesBufferedViews() {
        forum.reading().threadPage(Actor.guest(), t.id(), 1);
        forum.close();
        assertThat(fx().reload(t.id()).viewCount()).isEqualTo(1);
    }

    @Test
    void theBoardIndexShowsCountsAndTheLastPost() {
        clock.advanceSeconds(60);
        fx().reply(bob, t.id());

        BoardIndex index = forum.reading().boardIndex(Actor.guest());

        assertThat(index.categories()).hasSize(1);
        BoardIndex.BoardSummary summary = index.categories().get(0).boards().get(0);
        assertThat(summary.board().threadCount()).isEqualTo(1);
        assertThat(summary.board().postCount()).isEqualTo(26);
        assertThat(summary.lastThreadTitle()).isEqualTo(fx().reload(t.id()).title());
        assertThat(summary.lastPosterName()).isEqualTo("bob");
    }

    @Test
    void aGuestSeesTheBoardsGuestNoticeAndAMemberDoesNot() {
        assertThat(forum.reading().boardPage(Actor.guest(), fx().board().id(), 1).guestNotice()).isEqualTo("Welcome! Join today");
        assertThat(forum.reading().boardPage(actor(bob), fx().board().id(), 1).guestNotice()).isNull();
    }

    @Test
    void aProfileShowsCountersRecentVisiblePostsAndTheBanToStaffOnly() {
        var bobsFirst = fx().reply(bob, t.id());
        clock.advanceSeconds(60);
        var bobsSecond = fx().reply(bob, t.id());
        forum.reactions().react(actor(alice), bobsFirst.id(), "love");
        forum.posts().delete(actor(bob), bobsSecond.id(), "");
        forum.members().ban(actor(fx().moderator()), bob.id(), "spam", null);

        MemberProfile asGuest = forum.reading().memberProfile(Actor.guest(), bob.id());
        MemberProfile asStaff = forum.reading().memberProfile(actor(fx().moderator()), bob.id());

        assertThat(asGuest.member().messageCount()).isEqualTo(1);
        assertThat(asGuest.member().reactionScore()).isEqualTo(1);
        assertThat(asGuest.member().banned()).isTrue();
        assertThat(asGuest.recentPosts()).extracting(p -> p.post().id()).containsExactly(bobsFirst.id());
        assertThat(asGuest.recentPosts().get(0).threadTitle()).isEqualTo(fx().reload(t.id()).title());
        assertThat(asGuest.ban()).isNull();
        assertThat(asStaff.ban().reason()).isEqualTo("spam");
    }

    @Test
    void theThreadPageCarriesAuthorCardsAndTheStarterFlag() {
        var bobs = fx().reply(bob, t.id());
        forum.members().updateCustomTitle(actor(bob), bob.id(), "Unswerving cyclist");

        ThreadPage page = forum.reading().threadPage(Actor.guest(), t.id(), 2);
        var view = page.posts().items().stream().filter(v -> v.post().id().equals(bobs.id())).findFirst().orElseThrow();

        assertThat(view.author().username()).isEqualTo("bob");
        assertThat(view.author().customTitle()).isEqualTo("Unswerving cyclist");
        assertThat(view.author().messageCount()).isEqualTo(1);
        assertThat(view.author().joinedAt()).isEqualTo(bob.joinedAt());
        assertThat(view.byThreadStarter()).isFalse();
        assertThat(page.posts().items().get(0).byThreadStarter()).isTrue();
        assertThat(page.starter().username()).isEqualTo("alice");
    }
}
