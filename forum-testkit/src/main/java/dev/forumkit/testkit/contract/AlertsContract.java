package dev.forumkit.testkit.contract;

import dev.forumkit.core.alert.AlertEntry;
import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.alert.Delivery;
import dev.forumkit.core.event.EventCodec;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.watch.ThreadWatch;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts through the services and the fan-out on the storage under test: events handed to the fan-out with outbox
 * positions, as the outbox consumer does. Delivery is once per event, the fan-out is one transaction and one batch
 * whatever the number of watchers, and a fan-out that rolls back leaves nothing.
 */
public abstract class AlertsContract extends ContractBase {
    /** The outbox position handed to the fan-out last (the fixture's forum runs no outbox thread). */
    private long position;
    private Member ann;
    private Member bob;

    @BeforeEach
    void members() {
        ann = fx().member("ann");
        bob = fx().member("bob");
    }

    /** The events stored in the outbox since the last {@link #deliver()}, with their positions. */
    private List<EventDelivery> undelivered() {
        return read(() -> storage.eventLog().after(position, 100_000)).stream()
                .map(e -> new EventDelivery(e.position(), EventCodec.decode(e.event()), e.createdAt()))
                .toList();
    }

    /** Hands every stored event since the last call to the fan-out, at its outbox position, as the consumer does. */
    private void deliver() {
        for (var d : undelivered()) {
            forum.alerts().fanout().handle(d.position(), d.event());
            position = d.position();
        }
    }

    private List<AlertEntry> alerts(Member m) {
        return forum.alerts().list(actor(m), 1).items();
    }

    @Test
    void aReplyAlertsTheThreadStarterWhoWatchesItOnceEvenWhenDeliveredAgain() {
        StartedThread t = fx().thread().by(ann).start();
        Post reply = fx().reply(bob, t.id());
        var batch = undelivered();
        deliver();
        for (var d : batch) { // the outbox may deliver again after a crash
            forum.alerts().fanout().handle(d.position(), d.event());
        }

        assertThat(alerts(ann)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.REPLY);
            assertThat(a.post()).isEqualTo(reply.id());
            assertThat(a.latestActorName()).isEqualTo("bob");
        });
        assertThat(forum.alerts().unreadCount(actor(ann))).isEqualTo(1);
        assertThat(forum.watching().threadWatch(actor(bob), t.id())).isPresent(); // auto-watched by replying
    }

    @Test
    void aFanOutToTenThousandWatchersIsOneTransaction() {
        StartedThread t = fx().thread().by(ann).start();
        deliver();
        txRun(() -> {
            for (int i = 1; i <= 10_000; i++) {
                storage.watches().putThread(new ThreadWatch(MemberId.of(1_000_000 + i), t.id(), false, clock.instant()));
            }
        });
        fx().reply(bob, t.id());
        long writesBefore = counted.writeTransactions();
        deliver();

        assertThat(counted.writeTransactions() - writesBefore).isEqualTo(1);
        assertThat(read(() -> storage.alerts().countUnread(MemberId.of(1_000_001)))).isEqualTo(1);
        assertThat(read(() -> storage.alerts().countUnread(MemberId.of(1_010_000)))).isEqualTo(1);
        assertThat(forum.alerts().unreadCount(actor(ann))).isEqualTo(1);
    }

    @Test
    void aFanOutInsideATransactionThatRollsBackLeavesNoAlerts() {
        StartedThread t = fx().thread().by(ann).start();
        deliver();
        fx().reply(bob, t.id());
        var batch = undelivered();
        assertThat(batch).isNotEmpty();
        try {
            txRun(() -> {
                batch.forEach(d -> forum.alerts().fanout().handle(d.position(), d.event()));
                throw new IllegalStateException("the consumer's position could not be written");
            });
        } catch (IllegalStateException expected) {
            // the alerts went with the transaction
        }

        assertThat(forum.alerts().unreadCount(actor(ann))).isZero();
        batch.forEach(d -> forum.alerts().fanout().handle(d.position(), d.event()));
        assertThat(forum.alerts().unreadCount(actor(ann))).isEqualTo(1);
    }

    @Test
    void readingOrReplyingToAThreadMarksItsNewsReadButNotReactionsNorOthersAlerts() {
        StartedThread t = fx().thread().by(ann).start();
        fx().reply(bob, t.id()); // #2
        forum.reactions().react(actor(bob), t.first().id(), "like");
        deliver();
        assertThat(alerts(ann)).extracting(AlertEntry::kind)
                .containsExactlyInAnyOrder(AlertKind.REPLY, AlertKind.REACTION);

        forum.reading().threadPage(actor(ann), t.id(), 1); // ann reads up to #2
        assertThat(forum.alerts().unreadCount(actor(ann))).as("the reaction stays unread").isEqualTo(1);
        assertThat(alerts(ann)).filteredOn(a -> a.kind() == AlertKind.REPLY).singleElement()
                .satisfies(a -> assertThat(a.read()).isTrue());

        fx().reply(bob, t.id()); // #3: news again, the pending one was read
        deliver();
        assertThat(forum.alerts().unreadCount(actor(ann))).isEqualTo(2);
        fx().reply(ann, t.id()); // #4: replying reads the thread up to one's reply
        deliver();
        assertThat(forum.alerts().unreadCount(actor(ann))).isEqualTo(1);
        assertThat(forum.alerts().unreadCount(actor(bob))).as("bob's news of ann's reply is bob's").isEqualTo(1);
        forum.reading().threadPage(actor(ann), t.id(), 1);
        assertThat(forum.alerts().unreadCount(actor(bob))).isEqualTo(1);
    }

    @Test
    void reactionsAreGroupedWhileUnreadAndPagedNewestFirst() {
        StartedThread t = fx().thread().by(ann).start();
        List<Member> fans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fans.add(fx().member());
        }
        for (Member fan : fans) {
            forum.reactions().react(actor(fan), t.first().id(), "like");
            clock.advanceSeconds(1);
        }
        deliver();

        assertThat(alerts(ann)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.REACTION);
            assertThat(a.actorCount()).isEqualTo(4);
            assertThat(a.latestActor()).isEqualTo(fans.get(3).id());
        });
        forum.alerts().markRead(actor(ann), alerts(ann).get(0).ids().get(0));
        Page<AlertEntry> page = forum.alerts().list(actor(ann), 1);
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.items()).extracting(AlertEntry::latestActor)
                .containsExactly(fans.get(3).id(), fans.get(2).id(), fans.get(1).id(), fans.get(0).id());
        assertThat(forum.alerts().unreadCount(actor(ann))).isZero();
    }

    @Test
    void preferencesAndIgnoresAreHonouredFromStorage() {
        StartedThread t = fx().thread().by(ann).start();
        forum.alerts().savePreferences(actor(ann), forum.alerts().preferences(actor(ann)).with(AlertKind.REACTION, Delivery.OFF));
        forum.alerts().ignore(actor(ann), bob.id());
        Member cyd = fx().member("cyd");
        fx().reply(bob, t.id());
        forum.reactions().react(actor(cyd), t.first().id(), "like");
        fx().reply(cyd, t.id());
        deliver();

        assertThat(alerts(ann)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.REPLY);
            assertThat(a.latestActor()).isEqualTo(cyd.id());
        });
    }
}
