package dev.forumkit.testkit.contract;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.approval.ApprovalRules;
import dev.forumkit.core.approval.HeldPost;
import dev.forumkit.core.approval.HeldStatus;
import dev.forumkit.core.approval.HeldView;
import dev.forumkit.core.approval.SpamChecks;
import dev.forumkit.core.approval.Submitted;
import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditFilter;
import dev.forumkit.core.audit.AuditLine;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostView;
import dev.forumkit.core.search.SearchRequest;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The approval queue through the services on the storage under test: a new member's first post is held (the rule is
 * on here: one post, and the standard spam checks), held content counts nowhere and is seen by its author and the board's moderators only, approving
 * numbers it next and announces it then, rejecting keeps the reason for the author, and both are audited.
 */
public abstract class ApprovalContract extends ContractBase {
    private Member ann;
    private Member bob;
    private Member cat;
    private StartedThread t;

    @Override
    protected void configure(ForumConfig config) {
        config.approvalRules(new ApprovalRules(1, 2, 5)).spamChecks(SpamChecks.standard());
    }

    @BeforeEach
    void scene() {
        ann = fx().member("ann");
        t = fx().thread().by(fx().moderator()).start();
        bob = fx().member("bob");
        cat = fx().member("cat");
        // ann becomes an established member: her first post is held and approved
        HeldPost first = forum.posts().submitReply(actor(ann), t.id(), "Hello, I am new here", () -> { }).held();
        forum.approvals().approve(actor(fx().moderator()), first.id());
    }

    private Submitted<PostView> bobReplies(String body) {
        return forum.posts().submitReply(actor(bob), t.id(), body, () -> { });
    }

    @Test
    void theHoldEvidenceIsWhatTheModeratedBoardsAndTheAuthorsRecentPostsAndHeldPostsAnswer() {
        // ann: three visible replies besides her approved first one, then one deleted; bob: two held posts
        java.util.List<Post> anns = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clock.advanceSeconds(1);
            anns.add(fx().reply(ann, t.id(), "Reply " + i + " by ann"));
        }
        clock.advanceSeconds(1);
        Post deleted = fx().reply(ann, t.id(), "Soon deleted");
        forum.posts().delete(actor(fx().moderator()), deleted.id(), "");
        clock.advanceSeconds(1);
        HeldPost bobsFirst = bobReplies("First words").held();
        clock.advanceSeconds(1);
        HeldPost bobsSecond = bobReplies("Second words").held();
        txRun(() -> storage.heldPosts().setModerated(fx().board().id(), true));

        dev.forumkit.core.approval.HoldEvidence annsEvidence = tx(() -> storage.holdEvidence(ann.id(), 2));
        assertThat(annsEvidence.moderatedBoards()).containsExactly(fx().board().id());
        assertThat(annsEvidence.recentPosts()).extracting(Post::id)
                .containsExactly(anns.get(2).id(), anns.get(1).id()); // newest first, the deleted one left out
        assertThat(annsEvidence.recentHeld()).extracting(HeldPost::status).containsExactly(HeldStatus.APPROVED); // her first
        assertThat(annsEvidence).isEqualTo(tx(() -> new dev.forumkit.core.approval.HoldEvidence(
                storage.heldPosts().moderatedBoards(), storage.posts().recentVisibleByAuthor(ann.id(), 2),
                storage.heldPosts().byAuthor(ann.id(), 2))));

        dev.forumkit.core.approval.HoldEvidence bobsEvidence = tx(() -> storage.holdEvidence(bob.id(), 20));
        assertThat(bobsEvidence.recentPosts()).isEmpty();
        assertThat(bobsEvidence.recentHeld()).containsExactly(bobsSecond, bobsFirst);
        // outside a transaction too (each statement on a handle of its own)
        assertThat(storage.holdEvidence(bob.id(), 1).recentHeld()).containsExactly(bobsSecond);
    }

    @Test
    void aNewMembersFirstPostIsHeldCountsNowhereAndOnlyAuthorAndModeratorsSeeIt() {
        forum.watching().watchThread(actor(ann), t.id(), false);
        Submitted<PostView> s = bobReplies("My first post, findable by zebracorn");
        assertThat(s.isHeld()).isTrue();
        HeldPost held = s.held();
        assertThat(held.status()).isEqualTo(HeldStatus.PENDING);
        assertThat(held.reasons()).singleElement().asString().contains("first 1 posts");

        assertThat(forum.reading().threadPage(actor(cat), t.id(), 1).posts().items()).hasSize(2);
        assertThat(fx().reload(t.id()).replyCount()).isEqualTo(1);
        assertThat(fx().reload(bob).messageCount()).isZero();
        assertThat(fx().reload(fx().board()).postCount()).isEqualTo(2);
        assertThat(forum.approvals().pendingInThread(actor(bob), t.id())).containsExactly(held);
        assertThat(forum.approvals().pendingInThread(actor(fx().moderator()), t.id())).containsExactly(held);
        assertThat(forum.approvals().pendingInThread(actor(cat), t.id())).isEmpty();
        assertThat(forum.approvals().byId(actor(bob), held.id())).isEqualTo(held);
        assertThatThrownBy(() -> forum.approvals().byId(actor(cat), held.id())).isInstanceOf(NotFoundException.class);
        assertThat(forum.approvals().queue(actor(fx().moderator()), 1).items()).extracting(HeldView::held).containsExactly(held);
        assertThat(forum.approvals().queue(actor(cat), 1).items()).isEmpty();

        forum.outbox().drain();
        assertThat(forum.alerts().list(actor(ann), 1).items()).isEmpty();
        assertThat(forum.search().search(actor(fx().moderator()), SearchRequest.of("zebracorn")).results().total()).isZero();
        assertCountersMatchRecount();
    }

    @Test
    void approvingGivesTheNextNumberAnnouncesItAndIsAudited() {
        forum.watching().watchThread(actor(ann), t.id(), false);
        HeldPost held = bobReplies("Held first, findable by zebracorn").held();
        Post meanwhile = fx().reply(ann, t.id(), "A reply while bob's waits");
        assertThat(meanwhile.number()).isEqualTo(3);
        clock.advanceSeconds(30);

        HeldPost approved = forum.approvals().approve(actor(fx().moderator()), held.id());

        assertThat(approved.status()).isEqualTo(HeldStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(fx().moderator().id());
        Post post = forum.reading().post(actor(cat), approved.post()).post();
        assertThat(post.number()).isEqualTo(4);
        assertThat(post.authorId()).isEqualTo(bob.id());
        assertThat(post.createdAt()).isEqualTo(clock.instant());
        assertThat(forum.reading().threadPage(actor(cat), t.id(), 1).posts().items())
                .extracting(v -> v.post().number()).containsExactly(1, 2, 3, 4);
        assertThat(fx().reload(bob).messageCount()).isEqualTo(1);
        assertThat(forum.approvals().queue(actor(fx().moderator()), 1).items()).isEmpty();
        assertThat(forum.approvals().pendingInThread(actor(bob), t.id())).isEmpty();
        assertCountersMatchRecount();

        forum.outbox().drain();
        assertThat(forum.alerts().list(actor(ann), 1).items()).anySatisfy(a -> assertThat(a.post()).isEqualTo(post.id()));
        assertThat(forum.search().search(actor(cat), SearchRequest.of("zebracorn")).results().total()).isEqualTo(1);
        List<AuditLine> log = forum.audit().list(actor(fx().admin()), AuditFilter.ALL, 1).items();
        assertThat(log).anySatisfy(l -> {
            assertThat(l.entry().action()).isEqualTo(AuditAction.POST_APPROVE);
            assertThat(l.entry().target().id()).isEqualTo(post.id().value());
            assertThat(l.entry().actor()).isEqualTo(fx().moderator().id());
        });
        assertThatThrownBy(() -> forum.approvals().approve(actor(fx().moderator()), held.id()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void rejectingKeepsTheReasonForTheAuthorOnlyAndNeverMakesAPost() {
        HeldPost held = bobReplies("Buy cheap things").held();
        assertThatThrownBy(() -> forum.approvals().reject(actor(fx().moderator()), held.id(), " "))
                .isInstanceOf(InvalidInputException.class);

        HeldPost rejected = forum.approvals().reject(actor(fx().moderator()), held.id(), "Advertising");

        assertThat(rejected.status()).isEqualTo(HeldStatus.REJECTED);
        assertThat(forum.approvals().mine(actor(bob), 10)).singleElement()
                .satisfies(v -> assertThat(v.held().rejection()).isEqualTo("Advertising"));
        assertThat(forum.approvals().mine(actor(cat), 10)).isEmpty();
        assertThat(forum.approvals().queue(actor(fx().moderator()), 1).total()).isZero();
        assertThat(fx().reload(t.id()).postCounter()).isEqualTo(2);
        assertThatThrownBy(() -> forum.approvals().approve(actor(fx().moderator()), held.id()))
                .isInstanceOf(ConflictException.class);
        assertThat(forum.audit().list(actor(fx().admin()), AuditFilter.ALL, 1).items())
                .anySatisfy(l -> {
                    assertThat(l.entry().action()).isEqualTo(AuditAction.POST_REJECT);
                    assertThat(l.entry().reason()).isEqualTo("Advertising");
                });
        assertCountersMatchRecount();
    }

    @Test
    void onlyTheBoardsModeratorsDecide() {
        HeldPost held = bobReplies("Waiting").held();
        assertThatThrownBy(() -> forum.approvals().approve(actor(ann), held.id())).isInstanceOf(NotAllowedException.class);
        assertThat(forum.approvals().view(actor(fx().moderator()), held.id()).authorName()).isEqualTo("bob");
        assertThat(forum.approvals().view(actor(fx().moderator()), held.id()).title()).isEqualTo(fx().reload(t.id()).title());
        assertThatThrownBy(() -> forum.approvals().approve(actor(bob), held.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.approvals().reject(actor(bob), held.id(), "mine")).isInstanceOf(NotAllowedException.class);
        assertThat(forum.approvals().byId(actor(fx().admin()), held.id()).isPending()).isTrue();
    }

    @Test
    void aModeratedBoardHoldsNewThreadsUntilApprovedThenTheyStartNormally() {
        forum.approvals().setModerated(actor(fx().admin()), fx().board().id(), true);
        assertThatThrownBy(() -> forum.approvals().setModerated(actor(fx().moderator()), fx().board().id(), false))
                .isInstanceOf(NotAllowedException.class);
        int threads = fx().reload(fx().board()).threadCount();

        Submitted<Post> s = forum.threads().submit(actor(ann), fx().board().id(), "A held thread", "Its first post", () -> { });
        assertThat(s.isHeld()).isTrue();
        assertThat(s.held().reasons()).contains("the board is moderated");
        assertThat(fx().reload(fx().board()).threadCount()).isEqualTo(threads);
        assertThat(forum.reading().boardPage(actor(cat), fx().board().id(), 1).threads().items())
                .noneSatisfy(v -> assertThat(v.thread().title()).isEqualTo("A held thread"));
        // moderators are never held, also on a moderated board
        assertThat(forum.threads().submit(actor(fx().moderator()), fx().board().id(), "Staff", "News", () -> { }).isHeld()).isFalse();

        HeldPost approved = forum.approvals().approve(actor(fx().moderator()), s.held().id());
        Post first = forum.reading().post(actor(cat), approved.post()).post();
        assertThat(first.number()).isEqualTo(1);
        assertThat(fx().reload(first.threadId()).title()).isEqualTo("A held thread");
        assertThat(fx().reload(fx().board()).threadCount()).isEqualTo(threads + 2);
        assertThat(forum.audit().list(actor(fx().admin()), AuditFilter.ALL, 1).items())
                .anySatisfy(l -> assertThat(l.entry().action()).isEqualTo(AuditAction.BOARD_MODERATED));
        assertCountersMatchRecount();

        forum.approvals().setModerated(actor(fx().admin()), fx().board().id(), false);
        assertThat(forum.threads().submit(actor(ann), fx().board().id(), "Free again", "Posted", () -> { }).isHeld()).isFalse();
    }

    @Test
    void linkHeavyPostsOfNewerMembersAndTheSameTextRepeatedAreHeldWithTheirReasons() {
        HeldPost links = forum.posts().submitReply(actor(ann), t.id(),
                "see https://a.example www.b.example and http://c.example", () -> { }).held();
        assertThat(links).isNotNull();
        assertThat(links.reasons()).anySatisfy(r -> assertThat(r).contains("3 links"));

        forum.posts().submitReply(actor(ann), t.id(), "Same  text", () -> { });
        forum.posts().submitReply(actor(ann), t.id(), "same text", () -> { });
        HeldPost third = forum.posts().submitReply(actor(ann), t.id(), "SAME TEXT", () -> { }).held();
        assertThat(third).isNotNull();
        assertThat(third.reasons()).anySatisfy(r -> assertThat(r).contains("same text posted 3 times"));
        assertThat(forum.approvals().queue(actor(fx().moderator()), 1).items()).extracting(HeldView::held).containsExactly(links, third);
        // the plain entry point refuses to pretend a held reply was posted
        assertThatThrownBy(() -> forum.posts().reply(actor(ann), t.id(), "same text"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("held for approval");
    }
}
