package dev.forumkit.testkit.contract;

import dev.forumkit.core.alert.Alert;
import dev.forumkit.core.alert.AlertId;
import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.content.ThreadId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code Alerts} port: one row per alert, unique per (recipient, source position, kind), listed newest first. */
public abstract class AlertsPortContract extends ContractBase {
    private static final MemberId ANN = MemberId.of(1);
    private static final MemberId BOB = MemberId.of(2);
    private static final MemberId KENJI = MemberId.of(3);
    private static final ThreadId THREAD = ThreadId.of(10);

    private Alert alert(MemberId to, AlertKind kind, long position, Instant at) {
        return Alert.unread(to, kind, KENJI, THREAD, PostId.of(100 + position), null, null, at, position);
    }

    private int add(Alert... alerts) {
        return tx(() -> storage.alerts().addAll(List.of(alerts)));
    }

    @Test
    void addedAlertsAreStoredWithEveryFieldAndAnId() {
        Alert a = Alert.unread(ANN, AlertKind.REACTION, KENJI, THREAD, PostId.of(5), BoardId.of(7), "like", clock.instant(), 42);
        assertThat(add(a)).isEqualTo(1);

        Alert stored = read(() -> storage.alerts().unread(ANN)).get(0);
        assertThat(stored.id()).isNotNull();
        assertThat(stored).isEqualTo(a.withId(stored.id()));
        assertThat(read(() -> storage.alerts().byId(stored.id()))).contains(stored);
        assertThat(read(() -> storage.alerts().byId(AlertId.of(stored.id().value() + 1000)))).isEmpty();
    }

    @Test
    void anAlertAlreadyStoredForTheSameRecipientEventAndKindIsSkipped() {
        Instant now = clock.instant();
        assertThat(add(alert(ANN, AlertKind.REPLY, 1, now), alert(BOB, AlertKind.REPLY, 1, now))).isEqualTo(2);

        assertThat(add(alert(ANN, AlertKind.REPLY, 1, now), alert(ANN, AlertKind.REPLY, 1, now))).isZero();
        assertThat(add(alert(ANN, AlertKind.MENTION, 1, now), alert(ANN, AlertKind.REPLY, 2, now))).isEqualTo(2);

        assertThat(read(() -> storage.alerts().countUnread(ANN))).isEqualTo(3);
        assertThat(read(() -> storage.alerts().countUnread(BOB))).isEqualTo(1);
    }

    @Test
    void unreadAndReadAlertsAreListedNewestFirstAndCountedApart() {
        Instant t = clock.instant();
        for (int i = 1; i <= 6; i++) {
            add(alert(ANN, AlertKind.REPLY, i, t.plusSeconds(i % 3))); // equal times: the higher id is newer
        }
        add(alert(BOB, AlertKind.REPLY, 99, t));
        List<Alert> unread = read(() -> storage.alerts().unread(ANN));
        assertThat(unread).extracting(Alert::sourcePosition).containsExactly(5L, 2L, 4L, 1L, 6L, 3L);

        int changed = tx(() -> storage.alerts().markRead(ANN, List.of(unread.get(0).id(), unread.get(2).id(), unread.get(3).id())));

        assertThat(changed).isEqualTo(3);
        assertThat(read(() -> storage.alerts().unread(ANN))).extracting(Alert::sourcePosition).containsExactly(2L, 6L, 3L);
        assertThat(read(() -> storage.alerts().readPage(ANN, 0, 10))).allMatch(Alert::read)
                .extracting(Alert::sourcePosition).containsExactly(5L, 4L, 1L);
        assertThat(read(() -> storage.alerts().readPage(ANN, 1, 1))).extracting(Alert::sourcePosition).containsExactly(4L);
        assertThat(read(() -> storage.alerts().countUnread(ANN))).isEqualTo(3);
        assertThat(read(() -> storage.alerts().countRead(ANN))).isEqualTo(3);
        // the header's counts read together: the same unread alerts, no conversations here
        assertThat(read(() -> storage.alerts().unreadCounts(ANN))).isEqualTo(new dev.forumkit.core.alert.UnreadCounts(3, 0));
        assertThat(read(() -> storage.alerts().unreadCounts(BOB))).isEqualTo(new dev.forumkit.core.alert.UnreadCounts(1, 0));
    }

    @Test
    void markingReadTouchesOnlyTheRecipientsUnreadAlerts() {
        add(alert(ANN, AlertKind.REPLY, 1, clock.instant()), alert(BOB, AlertKind.REPLY, 1, clock.instant()));
        AlertId bobs = read(() -> storage.alerts().unread(BOB)).get(0).id();
        AlertId anns = read(() -> storage.alerts().unread(ANN)).get(0).id();

        assertThat(tx(() -> storage.alerts().markRead(ANN, List.of(bobs)))).isZero();
        assertThat(tx(() -> storage.alerts().markRead(ANN, List.of(anns, anns)))).isEqualTo(1);
        assertThat(tx(() -> storage.alerts().markRead(ANN, List.of(anns)))).isZero();
        assertThat(read(() -> storage.alerts().countUnread(BOB))).isEqualTo(1);
    }

    @Test
    void markAllReadMarksEveryUnreadAlertOfTheMember() {
        for (int i = 1; i <= 3; i++) {
            add(alert(ANN, AlertKind.REPLY, i, clock.instant()));
        }
        add(alert(BOB, AlertKind.REPLY, 1, clock.instant()));

        assertThat(tx(() -> storage.alerts().markAllRead(ANN))).isEqualTo(3);
        assertThat(tx(() -> storage.alerts().markAllRead(ANN))).isZero();
        assertThat(read(() -> storage.alerts().countUnread(ANN))).isZero();
        assertThat(read(() -> storage.alerts().countUnread(BOB))).isEqualTo(1);
    }

    @Test
    void recipientsAboutAPostAreFoundByKind() {
        PostId post = PostId.of(500);
        tx(() -> storage.alerts().addAll(List.of(
                Alert.unread(ANN, AlertKind.MENTION, KENJI, THREAD, post, null, null, clock.instant(), 1),
                Alert.unread(BOB, AlertKind.QUOTE, KENJI, THREAD, post, null, null, clock.instant(), 1),
                Alert.unread(BOB, AlertKind.MENTION, KENJI, THREAD, PostId.of(501), null, null, clock.instant(), 2))));

        assertThat(read(() -> storage.alerts().recipientsAbout(post, AlertKind.MENTION))).containsExactly(ANN);
        assertThat(read(() -> storage.alerts().recipientsAbout(post, AlertKind.QUOTE))).containsExactly(BOB);
        assertThat(read(() -> storage.alerts().recipientsAbout(post, AlertKind.REPLY))).isEmpty();
    }

    /** News pending: an unread alert of the kind about a post of the thread, not deleted, above the read mark. */
    @Test
    void membersWithNewsPendingInAThreadHaveAnUnreadAlertAboutAPostTheyHaveNotRead() {
        var alice = fx().member("alice");
        var t = fx().thread().by(alice).start();
        var two = fx().reply(alice, t.id());
        var three = fx().reply(alice, t.id());
        var other = fx().thread().by(alice).start();
        MemberId cat = MemberId.of(1_001);
        MemberId dan = MemberId.of(1_002);
        MemberId eve = MemberId.of(1_003);
        MemberId fay = MemberId.of(1_004);
        Instant now = clock.instant();
        add(Alert.unread(ANN, AlertKind.REPLY, KENJI, t.id(), two.id(), null, null, now, 1), // pending
                Alert.unread(BOB, AlertKind.REPLY, KENJI, t.id(), two.id(), null, null, now, 1), // read since: below
                Alert.unread(cat, AlertKind.MENTION, KENJI, t.id(), two.id(), null, null, now, 1), // another kind
                Alert.unread(dan, AlertKind.REPLY, KENJI, other.id(), other.first().id(), null, null, now, 1), // another thread
                Alert.unread(eve, AlertKind.REPLY, KENJI, t.id(), three.id(), null, null, now, 2), // marked read below
                Alert.unread(fay, AlertKind.NEW_POST_IN_BOARD, KENJI, t.id(), three.id(), null, null, now, 2));
        txRun(() -> storage.readStates().markRead(BOB, t.id(), 2));
        tx(() -> storage.alerts().markAllRead(eve));

        assertThat(read(() -> storage.alerts().withNewsPending(t.id(), AlertKind.REPLY))).containsExactly(ANN);
        assertThat(read(() -> storage.alerts().withNewsPending(t.id(), AlertKind.NEW_POST_IN_BOARD))).containsExactly(fay);
        // several threads and kinds in one read: the same members, by thread; a thread without news is left out
        var empty = fx().thread().by(alice).start();
        assertThat(read(() -> storage.alerts().withNewsPending(List.of(t.id(), other.id(), empty.id()),
                java.util.EnumSet.of(AlertKind.REPLY, AlertKind.NEW_POST_IN_BOARD))))
                .isEqualTo(java.util.Map.of(t.id(), java.util.Set.of(ANN, fay), other.id(), java.util.Set.of(dan)));
        assertThat(read(() -> storage.alerts().withNewsPending(List.of(t.id()), java.util.EnumSet.of(AlertKind.REPLY))))
                .isEqualTo(java.util.Map.of(t.id(), java.util.Set.of(ANN)));
        assertThat(read(() -> storage.alerts().withNewsPending(List.of(), java.util.EnumSet.of(AlertKind.REPLY)))).isEmpty();
        txRun(() -> storage.readStates().markRead(ANN, t.id(), 1)); // read below the post: still pending
        assertThat(read(() -> storage.alerts().withNewsPending(t.id(), AlertKind.REPLY))).containsExactly(ANN);

        forum.posts().delete(dev.forumkit.testkit.ForumFixture.actor(fx().moderator()), two.id(), "gone");
        assertThat(read(() -> storage.alerts().withNewsPending(t.id(), AlertKind.REPLY))).isEmpty();
    }

    @Test
    void readingAThreadUpToAPostMarksReadTheMembersNewsQuotesAndMentionsAboutPostsUpToIt() {
        var alice = fx().member("alice");
        var t = fx().thread().by(alice).start();
        var two = fx().reply(alice, t.id());
        var three = fx().reply(alice, t.id());
        var other = fx().thread().by(alice).start();
        Instant now = clock.instant();
        add(Alert.unread(ANN, AlertKind.NEW_THREAD, KENJI, t.id(), t.first().id(), null, null, now, 1), // read
                Alert.unread(ANN, AlertKind.REPLY, KENJI, t.id(), two.id(), null, null, now, 2), // read
                Alert.unread(ANN, AlertKind.QUOTE, KENJI, t.id(), two.id(), null, null, now, 3), // read
                Alert.unread(ANN, AlertKind.MENTION, KENJI, t.id(), two.id(), null, null, now, 4), // read
                Alert.unread(ANN, AlertKind.NEW_POST_IN_BOARD, KENJI, t.id(), two.id(), null, null, now, 5), // read
                Alert.unread(ANN, AlertKind.REACTION, KENJI, t.id(), two.id(), null, "like", now, 6), // another kind
                Alert.unread(ANN, AlertKind.POST_DELETED, KENJI, t.id(), two.id(), null, null, now, 7), // moderation
                Alert.unread(ANN, AlertKind.REPLY, KENJI, t.id(), three.id(), null, null, now, 8), // a later post
                Alert.unread(ANN, AlertKind.REPLY, KENJI, other.id(), other.first().id(), null, null, now, 9), // another thread
                Alert.unread(BOB, AlertKind.REPLY, KENJI, t.id(), two.id(), null, null, now, 2)); // another member

        txRun(() -> storage.alerts().markReadInThread(ANN, t.id(), 2));

        assertThat(read(() -> storage.alerts().unread(ANN))).extracting(Alert::sourcePosition)
                .containsExactlyInAnyOrder(6L, 7L, 8L, 9L);
        assertThat(read(() -> storage.alerts().countUnread(BOB))).isEqualTo(1);
        assertThat(read(() -> storage.alerts().countRead(ANN))).isEqualTo(5);
        txRun(() -> storage.alerts().markReadInThread(ANN, t.id(), 2)); // again: nothing left to change
        assertThat(read(() -> storage.alerts().countUnread(ANN))).isEqualTo(4);
        txRun(() -> storage.alerts().markReadInThread(ANN, t.id(), 3));
        assertThat(read(() -> storage.alerts().unread(ANN))).extracting(Alert::sourcePosition)
                .containsExactlyInAnyOrder(6L, 7L, 9L);
        assertThat(read(() -> storage.alerts().countUnread(BOB))).isEqualTo(1);
    }

    @Test
    void tenThousandAlertsAreAddedInOneCall() {
        List<Alert> many = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            many.add(Alert.unread(MemberId.of(1_000 + i), AlertKind.REPLY, KENJI, THREAD, PostId.of(1), null, null, clock.instant(), 7));
        }

        assertThat(tx(() -> storage.alerts().addAll(many))).isEqualTo(10_000);
        assertThat(tx(() -> storage.alerts().addAll(many))).isZero();
        assertThat(read(() -> storage.alerts().countUnread(MemberId.of(1_001)))).isEqualTo(1);
        assertThat(read(() -> storage.alerts().countUnread(MemberId.of(11_000)))).isEqualTo(1);
    }

    @Test
    void alertsAddedInATransactionThatFailsAreGone() {
        try {
            txRun(() -> {
                storage.alerts().addAll(List.of(alert(ANN, AlertKind.REPLY, 1, clock.instant())));
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(read(() -> storage.alerts().countUnread(ANN))).isZero();
        assertThat(add(alert(ANN, AlertKind.REPLY, 1, clock.instant()))).isEqualTo(1);
    }

    @Test
    void bySourceListsEveryAlertOfOneEventAndNoOther() {
        Instant now = clock.instant();
        add(alert(ANN, AlertKind.REPLY, 7, now), alert(BOB, AlertKind.QUOTE, 7, now), alert(ANN, AlertKind.REPLY, 8, now));

        assertThat(read(() -> storage.alerts().bySource(7))).extracting(Alert::recipient).containsExactly(ANN, BOB);
        assertThat(read(() -> storage.alerts().bySource(8))).extracting(Alert::kind).containsExactly(AlertKind.REPLY);
        assertThat(read(() -> storage.alerts().bySource(9))).isEmpty();
    }

    @Test
    void bySourcesListsEveryAlertOfTheEventsInTheRangeAndNoOther() {
        Instant now = clock.instant();
        add(alert(ANN, AlertKind.REPLY, 6, now), alert(ANN, AlertKind.REPLY, 7, now), alert(BOB, AlertKind.QUOTE, 7, now),
                alert(ANN, AlertKind.QUOTE, 8, now), alert(BOB, AlertKind.REPLY, 9, now));

        assertThat(read(() -> storage.alerts().bySources(6, 8))).extracting(Alert::sourcePosition).containsExactly(7L, 7L, 8L);
        assertThat(read(() -> storage.alerts().bySources(6, 8))).extracting(Alert::recipient).containsExactly(ANN, BOB, ANN);
        assertThat(read(() -> storage.alerts().bySources(9, 20))).isEmpty();
        assertThat(read(() -> storage.alerts().bySources(0, 6))).extracting(Alert::sourcePosition).containsExactly(6L);
    }

    @Test
    void alertsWithoutAThreadAreStoredWithEveryFieldAndListedAmongTheOthers() {
        Instant t = clock.instant();
        Alert profile = Alert.aboutProfile(ANN, AlertKind.REPORT_RESOLVED, KENJI, BOB, null, t, 50);
        Alert webhook = Alert.aboutWebhook(ANN, AlertKind.WEBHOOK_DISABLED, dev.forumkit.core.webhook.WebhookId.of(9), "5",
                t.plusSeconds(1), 51);
        Alert reply = alert(ANN, AlertKind.REPLY, 52, t.plusSeconds(2));
        assertThat(add(profile, webhook, reply)).isEqualTo(3);
        assertThat(add(profile, webhook)).as("the same again is skipped").isZero();

        List<Alert> unread = read(() -> storage.alerts().unread(ANN));
        assertThat(unread).hasSize(3);
        assertThat(unread.get(1)).isEqualTo(webhook.withId(unread.get(1).id()));
        assertThat(unread.get(1).actor()).as("a system alert has no actor").isNull();
        assertThat(unread.get(2)).isEqualTo(profile.withId(unread.get(2).id()));
        assertThat(unread.get(2).thread()).isNull();
        assertThat(read(() -> storage.alerts().bySource(51))).containsExactly(unread.get(1));
        assertThat(read(() -> storage.alerts().withNewsPending(THREAD, AlertKind.REPLY))).isEmpty();

        assertThat(tx(() -> storage.alerts().markAllRead(ANN))).isEqualTo(3);
        assertThat(read(() -> storage.alerts().readPage(ANN, 0, 10))).extracting(Alert::sourcePosition)
                .containsExactly(52L, 51L, 50L);
    }
}
