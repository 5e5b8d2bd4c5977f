package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.alert.AlertEntry;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.event.EventCodec;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Decision;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.read.BoardIndex;
import dev.forumkit.core.read.ThreadSummary;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Groups and the permission grid through the services on the storage under test: a private board (view never for
 * guests and members, allowed to one group) leaks nothing to a member outside it, the grid's cache follows every
 * change at once, and explanations name the deciding cell.
 */
public abstract class PermissionsContract extends ContractBase {
    private Member admin;
    private Member insider;
    private Member outsider;
    private Board secret;
    private Group insiders;
    private StartedThread hidden;

    @BeforeEach
    void privateBoard() {
        admin = fx().admin();
        insider = fx().member("insider");
        outsider = fx().member("outsider");
        secret = fx().board("Secret plans");
        insiders = forum.groups().create(actor(admin), "Insiders", "Inner circle", 1);
        forum.groups().place(actor(admin), insider.id(), insiders.id(), Set.of());
        for (GroupId g : List.of(GroupId.GUESTS, GroupId.MEMBERS)) {
            deny(g, GrantValue.DENY);
        }
        forum.permissions().set(actor(admin), new Grant(Grant.Subject.group(insiders.id()), Grant.Scope.board(secret.id()),
                Permission.VIEW_BOARD, GrantValue.ALLOW));
        hidden = fx().thread().by(insider).in(secret).titled("Hush hush launch").withReplies(2, insider).start();
    }

    private void deny(GroupId g, GrantValue value) {
        forum.permissions().set(actor(admin), new Grant(Grant.Subject.group(g), Grant.Scope.board(secret.id()),
                Permission.VIEW_BOARD, value));
    }

    private List<Board> indexBoards(Actor a) {
        return forum.reading().boardIndex(a).categories().stream().flatMap(s -> s.boards().stream())
                .map(BoardIndex.BoardSummary::board).toList();
    }

    @Test
    void aMemberOutsideThePrivateBoardFindsNothingOfIt() {
        Actor out = actor(outsider);
        assertThat(indexBoards(out)).extracting(Board::id).doesNotContain(secret.id()).contains(fx().board().id());
        assertThatThrownBy(() -> forum.reading().boardPage(out, secret.id(), 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.reading().threadPage(out, hidden.id(), 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.reading().thread(out, hidden.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.reading().locate(out, hidden.first().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.reading().post(out, hidden.first().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.reading().quote(out, hidden.first().id())).isInstanceOf(NotFoundException.class);
        assertThat(forum.reading().firstUnread(out, hidden.id())).isEmpty();
        assertThat(forum.reading().whatsNew(out, 1).items()).extracting(ThreadSummary::thread)
                .noneMatch(t -> t.id().equals(hidden.id()));
        assertThat(forum.reading().whatsNew(out, 1).total()).isZero();
        assertThat(forum.reading().memberProfile(out, insider.id()).recentPosts()).isEmpty();
        assertThat(forum.permissions().canSee(out, secret.id())).isFalse();
        assertThat(forum.permissions().hiddenBoards(out)).containsExactly(secret.id());
        assertThat(forum.permissions().visibleBoards(out)).doesNotContain(secret.id());
        assertThatThrownBy(() -> forum.reading().boardPage(Actor.guest(), secret.id(), 1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMemberOutsideThePrivateBoardCannotWriteToItAndIsToldItDoesNotExist() {
        Actor out = actor(outsider);
        assertThatThrownBy(() -> forum.posts().reply(out, hidden.id(), "let me in")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.threads().start(out, secret.id(), "Hello", "anyone?")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.reactions().react(out, hidden.first().id(), "like")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.watching().watchThread(out, hidden.id(), false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.watching().watchBoard(out, secret.id(), false, false)).isInstanceOf(NotFoundException.class);
        assertThat(fx().reload(hidden.id()).replyCount()).isEqualTo(2);
    }

    @Test
    void theGroupsMembersAndTheModeratorsSeeAndUseTheBoard() {
        assertThat(indexBoards(actor(insider))).extracting(Board::id).contains(secret.id());
        assertThat(forum.reading().threadPage(actor(insider), hidden.id(), 1).posts().items()).hasSize(3);
        forum.posts().reply(actor(insider), hidden.id(), "still secret");
        assertThat(forum.reading().whatsNew(actor(insider), 1).items()).extracting(s -> s.thread().id()).contains(hidden.id());
        assertThat(forum.reading().memberProfile(actor(insider), insider.id()).recentPosts()).hasSize(4);
        assertThat(forum.reading().threadPage(actor(fx().moderator()), hidden.id(), 1).canModerate()).isTrue();
    }

    @Test
    void theBoardCountersOfThePrivateBoardStayOutOfWhatTheOutsiderIsShown() {
        long visibleThreads = indexBoards(actor(outsider)).stream().mapToLong(Board::threadCount).sum();
        long allThreads = indexBoards(actor(admin)).stream().mapToLong(Board::threadCount).sum();
        assertThat(allThreads - visibleThreads).isEqualTo(1);
        assertThat(forum.reading().whatsNew(actor(admin), 1).total()).isEqualTo(1);
    }

    @Test
    void everyChangeOfGrantsGroupsAndBoardsTakesEffectAtOnce() {
        Actor out = actor(outsider);
        assertThat(forum.permissions().canSee(out, secret.id())).isFalse();

        forum.groups().place(actor(admin), outsider.id(), null, Set.of(insiders.id()));
        assertThat(forum.permissions().canSee(out, secret.id())).as("joined the group").isTrue();

        forum.groups().place(actor(admin), outsider.id(), null, Set.of());
        assertThat(forum.permissions().canSee(out, secret.id())).as("left the group").isFalse();

        forum.permissions().clear(actor(admin), Grant.Subject.group(GroupId.MEMBERS), Grant.Scope.board(secret.id()),
                Permission.VIEW_BOARD);
        assertThat(forum.permissions().canSee(out, secret.id())).as("the deny cleared").isTrue();

        forum.permissions().set(actor(admin), new Grant(Grant.Subject.group(GroupId.MEMBERS),
                Grant.Scope.category(fx().category().id()), Permission.READ_THREADS, GrantValue.DENY));
        assertThat(forum.permissions().canSee(out, fx().board().id())).as("the category's deny is inherited").isFalse();
        assertThat(forum.permissions().canSee(actor(insider), fx().board().id())).isFalse();

        Board elsewhere = fx().board("Elsewhere");
        assertThat(forum.permissions().canSee(out, elsewhere.id())).as("a new board inherits at once").isFalse();
        var other = forum.boards().createCategory(actor(admin), "Other", "");
        forum.boards().updateBoard(actor(admin), elsewhere.id(), other.id(), elsewhere.title(), "", "");
        assertThat(forum.permissions().canSee(out, elsewhere.id())).as("moved out of the category").isTrue();

        forum.groups().remove(actor(admin), insiders.id());
        assertThat(forum.permissions().canSee(actor(insider), secret.id())).as("its grants went with the group").isFalse();
    }

    @Test
    void anotherNodeOnTheSameStorageSeesAChangeWithoutRestarting() throws InterruptedException {
        try (Forum other = ForumFixture.forum(counted, clock)) {
            Actor out = actor(outsider);
            assertThat(other.permissions().canSee(out, secret.id())).isFalse(); // its grid is now cached
            forum.groups().place(actor(admin), outsider.id(), null, Set.of(insiders.id()));
            assertThat(forum.permissions().canSee(out, secret.id())).as("at once on the changing node").isTrue();
            long giveUp = System.nanoTime() + 15_000_000_000L; // the other node checks the stored version once a second
            while (!other.permissions().canSee(out, secret.id()) && System.nanoTime() < giveUp) {
                Thread.sleep(50);
            }
            assertThat(other.permissions().canSee(out, secret.id())).as("on the other node, soon after").isTrue();
        }
    }

    @Test
    void neverForAGroupBeatsTheAllowOfAnotherGroupOfTheSameMember() {
        Group muted = forum.groups().create(actor(admin), "Muted", null, 2);
        forum.groups().place(actor(admin), insider.id(), insiders.id(), Set.of(muted.id()));
        forum.permissions().set(actor(admin), new Grant(Grant.Subject.group(muted.id()), Grant.Scope.board(secret.id()),
                Permission.VIEW_BOARD, GrantValue.NEVER));

        assertThatThrownBy(() -> forum.reading().threadPage(actor(insider), hidden.id(), 1)).isInstanceOf(NotFoundException.class);
        Decision why = forum.policy().explain(actor(insider), Action.READ_FORUM, dev.forumkit.core.policy.Target.board(secret.id()));
        assertThat(why.allowed()).isFalse();
        assertThat(why.summary()).isEqualTo("denied: never for group Muted on board Secret plans");
    }

    @Test
    void aMembersOwnCellOverridesTheirGroupsDeny() {
        forum.permissions().set(actor(admin), new Grant(Grant.Subject.member(outsider.id()), Grant.Scope.board(secret.id()),
                Permission.VIEW_BOARD, GrantValue.ALLOW));
        assertThat(forum.reading().threadPage(actor(outsider), hidden.id(), 1).posts().items()).hasSize(3);
        assertThat(forum.permissions().canSee(actor(fx().member("third")), secret.id())).isFalse();
    }

    @Test
    void anAdminExplainsAnyMembersDecisionOnAnyBoard() {
        Decision out = forum.permissions().explainFor(actor(admin), outsider.id(), Action.READ_FORUM, secret.id());
        assertThat(out.allowed()).isFalse();
        assertThat(out.summary()).startsWith("denied: view board is not granted");
        assertThat(out.permissions().get(0).rules()).contains("deny for group Members on board Secret plans");

        Decision in = forum.permissions().explainFor(actor(admin), insider.id(), Action.REPLY, secret.id());
        assertThat(in.allowed()).isTrue();
        assertThat(in.summary()).isEqualTo("allowed");
        assertThat(in.permissions().get(0).rules()).contains("allow for group Insiders on board Secret plans");

        assertThatThrownBy(() -> forum.permissions().explainFor(actor(outsider), insider.id(), Action.REPLY, secret.id()))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void onlyAdminsManageGroupsAndTheGrid() {
        Actor mod = actor(fx().moderator());
        assertThatThrownBy(() -> forum.groups().create(mod, "Mine", null, 1)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.groups().place(mod, outsider.id(), insiders.id(), Set.of()))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.permissions().set(mod, new Grant(Grant.Subject.group(GroupId.MEMBERS),
                Grant.Scope.GLOBAL, Permission.MODERATE, GrantValue.ALLOW))).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.permissions().grants(mod)).isInstanceOf(NotAllowedException.class);
        assertThat(forum.permissions().grants(actor(admin))).hasSize(3);
    }

    @Test
    void theMemberCardShowsThePrimaryGroupsBanner() {
        var page = forum.reading().threadPage(actor(insider), hidden.id(), 1);
        assertThat(page.posts().items().get(0).author().banner()).isEqualTo("Inner circle");
        assertThat(forum.reading().memberProfile(actor(outsider), insider.id()).member().banner()).isEqualTo("Inner circle");
        assertThat(forum.reading().memberProfile(actor(outsider), outsider.id()).member().banner()).isNull();
    }

    @Test
    void nobodyIsAlertedAboutABoardTheyMayNotSee() {
        long from = read(() -> storage.eventLog().after(0, 100_000)).stream()
                .mapToLong(e -> e.position()).max().orElse(0);
        forum.posts().reply(actor(insider), hidden.id(), "hey @outsider and @" + fx().moderator().username());
        for (var e : read(() -> storage.eventLog().after(from, 100_000))) {
            forum.alerts().fanout().handle(e.position(), EventCodec.decode(e.event()));
        }
        List<AlertEntry> outs = forum.alerts().list(actor(outsider), 1).items();
        assertThat(outs).isEmpty();
    }
}
