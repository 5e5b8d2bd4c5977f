package dev.forumkit.testkit.contract;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.alert.AlertEntry;
import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.Actor;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.report.Report;
import dev.forumkit.core.report.ReportId;
import dev.forumkit.core.report.ReportNote;
import dev.forumkit.core.report.ReportStatus;
import dev.forumkit.core.report.ReportSubject;
import dev.forumkit.core.report.ReportView;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reports through the services and the port: merging, the queue, closing with comments, and the reporters' alerts. */
public abstract class ReportsContract extends ContractBase {
    private Member ann;
    private Member bob;
    private Member cat;
    private StartedThread t;

    @BeforeEach
    void scene() {
        ann = fx().member("ann");
        bob = fx().member("bob");
        cat = fx().member("cat");
        t = fx().thread().by(ann).withReplies(1, bob).start();
    }

    private Actor mod() {
        return actor(fx().moderator());
    }

    @Test
    void reportsOfOnePostMergeIntoOneOpenReportWithEveryReason() {
        java.time.Instant opened = clock.instant();
        ReportId first = forum.reports().reportPost(actor(ann), t.post(2).id(), "Spam link");
        clock.advanceSeconds(60);
        ReportId second = forum.reports().reportPost(actor(cat), t.post(2).id(), "Rude\nand off topic");

        assertThat(second).isEqualTo(first);
        ReportView v = forum.reports().get(mod(), first);
        Report r = v.report();
        assertThat(r.status()).isEqualTo(ReportStatus.OPEN);
        assertThat(r.subject()).isEqualTo(ReportSubject.post(t.post(2).id()));
        assertThat(r.reported()).isEqualTo(bob.id());
        assertThat(r.thread()).isEqualTo(t.id());
        assertThat(r.reporters()).containsExactly(ann.id(), cat.id());
        assertThat(r.notes()).extracting(ReportNote::text).containsExactly("Spam link", "Rude\nand off topic");
        assertThat(r.openedAt()).isEqualTo(opened);
        assertThat(r.updatedAt()).isEqualTo(clock.instant());
        assertThat(v.subjectLabel()).isEqualTo(fx().reload(t.id()).title());
        assertThat(v.excerpt()).isEqualTo(t.post(2).body());
        assertThat(v.name(bob.id())).isEqualTo("bob");
        assertThat(forum.reports().queue(mod(), ReportStatus.OPEN, 1).total()).isEqualTo(1);
    }

    @Test
    void aMemberCannotReportTheSameContentTwiceWhileItsReportIsOpen() {
        forum.reports().reportPost(actor(ann), t.post(2).id(), "Spam");
        assertThatThrownBy(() -> forum.reports().reportPost(actor(ann), t.post(2).id(), "Still spam"))
                .isInstanceOf(ConflictException.class);
        assertThat(forum.reports().queue(mod(), ReportStatus.OPEN, 1).items().get(0).report().notes()).hasSize(1);
    }

    @Test
    void afterAReportIsClosedTheSameContentCanBeReportedAfresh() {
        ReportId first = forum.reports().reportPost(actor(ann), t.post(2).id(), "Spam");
        forum.reports().reject(mod(), first, "Not spam: a shop the thread asked for");
        ReportId second = forum.reports().reportPost(actor(ann), t.post(2).id(), "Spam again");

        assertThat(second).isNotEqualTo(first);
        assertThat(forum.reports().queue(mod(), ReportStatus.OPEN, 1).items()).extracting(v -> v.report().id()).containsExactly(second);
        assertThat(forum.reports().queue(mod(), ReportStatus.REJECTED, 1).items()).extracting(v -> v.report().id()).containsExactly(first);
    }

    @Test
    void nobodyReportsTheirOwnPostGuestsAndBannedMembersNoneAndHiddenPostsAreNotFound() {
        assertThatThrownBy(() -> forum.reports().reportPost(actor(bob), t.post(2).id(), "mine"))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("your own");
        assertThatThrownBy(() -> forum.reports().reportPost(Actor.guest(), t.post(2).id(), "spam"))
                .isInstanceOf(NotAllowedException.class);
        forum.members().ban(mod(), cat.id(), "trolling", null);
        assertThatThrownBy(() -> forum.reports().reportPost(actor(cat), t.post(2).id(), "spam"))
                .isInstanceOf(NotAllowedException.class);
        forum.posts().delete(mod(), t.post(2).id(), "gone");
        assertThatThrownBy(() -> forum.reports().reportPost(actor(ann), t.post(2).id(), "spam"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.reports().reportPost(actor(ann), t.post(1).id(), "  "))
                .isInstanceOf(InvalidInputException.class);
        assertThat(forum.reports().queue(mod(), ReportStatus.OPEN, 1).total()).isZero();
    }

    @Test
    void profilesAreReportedAndMergedLikePosts() {
        ReportId a = forum.reports().reportMember(actor(ann), bob.id(), "Offensive custom title");
        ReportId b = forum.reports().reportMember(actor(cat), bob.id(), "Impersonates a moderator");
        assertThat(b).isEqualTo(a);
        ReportView v = forum.reports().get(mod(), a);
        assertThat(v.report().subject()).isEqualTo(ReportSubject.member(bob.id()));
        assertThat(v.report().thread()).isNull();
        assertThat(v.subjectLabel()).isEqualTo("bob");
        assertThatThrownBy(() -> forum.reports().reportMember(actor(ann), ann.id(), "me")).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void closingAProfileReportTellsEveryReporterWithALinkToTheProfileAndNotTheMemberReported() {
        ReportId resolved = forum.reports().reportMember(actor(ann), bob.id(), "Offensive custom title");
        forum.reports().reportMember(actor(cat), bob.id(), "Impersonates a moderator");
        forum.reports().resolve(mod(), resolved, "Title removed");
        forum.outbox().drain();

        for (Member reporter : List.of(ann, cat)) {
            assertThat(forum.alerts().list(actor(reporter), 1).items())
                    .filteredOn(a -> a.kind() == AlertKind.REPORT_RESOLVED).singleElement().satisfies(a -> {
                        assertThat(a.thread()).isNull();
                        assertThat(a.post()).isNull();
                        assertThat(a.profile()).isEqualTo(bob.id());
                        assertThat(a.profileName()).isEqualTo("bob");
                        assertThat(a.latestActorName()).isEqualTo("moderator");
                        assertThat(a.contentVisible()).isTrue();
                    });
        }
        assertThat(forum.alerts().list(actor(bob), 1).items()).noneMatch(a -> a.kind() == AlertKind.REPORT_RESOLVED);

        ReportId rejected = forum.reports().reportMember(actor(ann), cat.id(), "Spam profile");
        forum.reports().reject(mod(), rejected, "Nothing wrong");
        forum.outbox().drain();
        assertThat(forum.alerts().list(actor(ann), 1).items()).filteredOn(a -> a.kind() == AlertKind.REPORT_REJECTED)
                .singleElement().satisfies(a -> assertThat(a.profile()).isEqualTo(cat.id()));
        assertThat(forum.alerts().list(actor(ann), 1).items()).filteredOn(a -> a.profile() != null).hasSize(2)
                .allMatch(a -> !a.read());

        forum.profiles().deleteOwnAccount(actor(cat), dev.forumkit.testkit.ForumFixture.PASSWORD);
        assertThat(forum.alerts().list(actor(ann), 1).items()).filteredOn(a -> a.kind() == AlertKind.REPORT_REJECTED)
                .singleElement().satisfies(a -> {
                    assertThat(a.contentVisible()).as("a deleted account is linked no more").isFalse();
                    assertThat(a.profileName()).isNull();
                });
    }

    @Test
    void onlyStaffSeeAndWorkTheQueue() {
        ReportId id = forum.reports().reportPost(actor(ann), t.post(2).id(), "Spam");
        assertThatThrownBy(() -> forum.reports().queue(actor(ann), ReportStatus.OPEN, 1)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.reports().get(actor(ann), id)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.reports().resolve(actor(ann), id, "")).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.reports().comment(actor(cat), id, "me too")).isInstanceOf(NotAllowedException.class);
        assertThat(forum.reports().get(mod(), id).report().isOpen()).isTrue();
    }

    @Test
    void resolvingKeepsTheCommentsClosesOnceAndTellsEveryReporter() {
        ReportId id = forum.reports().reportPost(actor(ann), t.post(2).id(), "Spam");
        forum.reports().reportPost(actor(cat), t.post(2).id(), "Advert");
        clock.advanceSeconds(30);
        forum.reports().comment(mod(), id, "Checking the link");
        clock.advanceSeconds(30);
        ReportView closed = forum.reports().resolve(actor(fx().admin()), id, "Deleted the post");

        assertThat(closed.report().status()).isEqualTo(ReportStatus.RESOLVED);
        assertThat(closed.report().closedBy()).isEqualTo(fx().admin().id());
        assertThat(closed.report().closedAt()).isEqualTo(clock.instant());
        assertThat(closed.report().notes()).extracting(ReportNote::kind, ReportNote::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ReportNote.Kind.REASON, "Spam"),
                org.assertj.core.groups.Tuple.tuple(ReportNote.Kind.REASON, "Advert"),
                org.assertj.core.groups.Tuple.tuple(ReportNote.Kind.COMMENT, "Checking the link"),
                org.assertj.core.groups.Tuple.tuple(ReportNote.Kind.COMMENT, "Deleted the post"));
        assertThatThrownBy(() -> forum.reports().reject(mod(), id, "")).isInstanceOf(ConflictException.class);

        forum.outbox().drain();
        for (Member reporter : List.of(ann, cat)) {
            List<AlertEntry> alerts = forum.alerts().list(actor(reporter), 1).items();
            assertThat(alerts).filteredOn(a -> a.kind() == AlertKind.REPORT_RESOLVED).singleElement().satisfies(a -> {
                assertThat(a.post()).isEqualTo(t.post(2).id());
                assertThat(a.latestActorName()).isEqualTo("admin");
            });
        }
        assertThat(forum.alerts().list(actor(bob), 1).items()).noneMatch(a -> a.kind() == AlertKind.REPORT_RESOLVED);
    }

    @Test
    void theQueueListsTheMostRecentlyActiveReportFirstAndPages() {
        ReportId older = forum.reports().reportPost(actor(cat), t.post(1).id(), "Old one");
        clock.advanceSeconds(10);
        ReportId newer = forum.reports().reportPost(actor(ann), t.post(2).id(), "New one");
        clock.advanceSeconds(10);
        assertThat(forum.reports().queue(mod(), ReportStatus.OPEN, 1).items()).extracting(v -> v.report().id())
                .containsExactly(newer, older);
        forum.reports().comment(mod(), older, "bump");
        var page = forum.reports().queue(mod(), ReportStatus.OPEN, 1);
        assertThat(page.items()).extracting(v -> v.report().id()).containsExactly(older, newer);
        assertThat(page.total()).isEqualTo(2);
        assertThat(forum.reports().queue(mod(), ReportStatus.OPEN, 2).items()).isEmpty();
    }

    @Test
    void thePortKeepsOneOpenReportPerSubject() {
        ReportSubject s = ReportSubject.post(t.post(2).id());
        ReportNote reason = new ReportNote(ReportNote.Kind.REASON, ann.id(), "Spam", clock.instant());
        Report stored = tx(() -> storage.reports().add(Report.open(s, bob.id(), t.id(), reason)));
        assertThatThrownBy(() -> tx(() -> storage.reports().add(Report.open(s, bob.id(), t.id(), reason))))
                .isInstanceOf(ConflictException.class);
        assertThat(read(() -> storage.reports().openFor(s))).map(Report::id).contains(stored.id());
        assertThat(read(() -> storage.reports().byId(stored.id()))).contains(stored);

        txRun(() -> storage.reports().close(stored.id(), ReportStatus.REJECTED, fx().moderator().id(), clock.instant()));
        assertThat(read(() -> storage.reports().openFor(s))).isEmpty();
        assertThatThrownBy(() -> txRun(() -> storage.reports().close(stored.id(), ReportStatus.RESOLVED, fx().moderator().id(),
                clock.instant()))).isInstanceOf(ConflictException.class);
        Report again = tx(() -> storage.reports().add(Report.open(s, bob.id(), t.id(), reason)));
        assertThat(read(() -> storage.reports().count(ReportStatus.OPEN))).isEqualTo(1);
        assertThat(read(() -> storage.reports().count(ReportStatus.REJECTED))).isEqualTo(1);
        assertThat(again.id()).isNotEqualTo(stored.id());
    }

    @Test
    void aReportRolledBackWithItsTransactionLeavesNothing() {
        assertThatThrownBy(() -> tx(() -> {
            storage.reports().add(Report.open(ReportSubject.post(t.post(2).id()), bob.id(), t.id(),
                    new ReportNote(ReportNote.Kind.REASON, ann.id(), "Spam", clock.instant())));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(read(() -> storage.reports().count(ReportStatus.OPEN))).isZero();
        assertThat(read(() -> storage.reports().openFor(ReportSubject.post(t.post(2).id())))).isEmpty();
    }
}
