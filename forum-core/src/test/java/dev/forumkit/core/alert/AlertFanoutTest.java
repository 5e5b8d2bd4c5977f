package dev.forumkit.core.alert;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.watch.ThreadWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.forumkit.core.alert.AlertWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alert fan-out against the in-memory storage, fed events by hand as the outbox will. */
class AlertFanoutTest {
    private final AlertWorld w = new AlertWorld();
    private final Member ann = w.member("ann");
    private final Member bob = w.member("bob");
    private final Member cy = w.member("cyd");

    @AfterEach
    void close() {
        w.close();
    }

    private Post thread(Member by, String body) {
        return w.forum.threads().start(as(by), w.board.id(), "A thread by " + by.username(), body);
    }

    private Post reply(Member by, Post in, String body) {
        return w.forum.posts().reply(as(by), in.threadId(), body).post();
    }

    private static List<AlertKind> kinds(List<AlertEntry> entries) {
        return entries.stream().map(AlertEntry::kind).toList();
    }

    @Test
    void a_reply_alerts_the_watchers_of_the_thread_but_not_its_author() {
        Post first = thread(ann, "Where do you ride?"); // ann watches her own thread (auto-watch)
        w.forum.watching().watchThread(as(cy), first.threadId(), false);
        Post reply = reply(bob, first, "Along the river");
        w.deliver();

        assertThat(w.alerts(ann)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.REPLY);
            assertThat(a.post()).isEqualTo(reply.id());
            assertThat(a.thread()).isEqualTo(first.threadId());
            assertThat(a.latestActor()).isEqualTo(bob.id());
            assertThat(a.latestActorName()).isEqualTo("bob");
            assertThat(a.threadTitle()).isEqualTo("A thread by ann");
            assertThat(a.contentVisible()).isTrue();
            assertThat(a.read()).isFalse();
        });
        assertThat(kinds(w.alerts(cy))).containsExactly(AlertKind.REPLY);
        assertThat(w.alerts(bob)).isEmpty();
        assertThat(w.unread(ann)).isEqualTo(1);
    }

    @Test
    void replying_watches_the_thread_unless_the_member_turned_auto_watch_off() {
        Post first = thread(ann, "Hello");
        w.forum.alerts().savePreferences(as(cy), w.forum.alerts().preferences(as(cy)).withAutoWatch(false, false));
        reply(bob, first, "Hi");
        reply(cy, first, "Hey");
        w.deliver();

        assertThat(w.forum.watching().threadWatch(as(bob), first.threadId())).hasValueSatisfying(tw -> assertThat(tw.email()).isFalse());
        assertThat(w.forum.watching().threadWatch(as(cy), first.threadId())).isEmpty();
        reply(ann, first, "Welcome both");
        w.deliver();
        // ann's reply joins the news of cy's, which bob has not read yet: one alert, leading to the first unread reply
        assertThat(w.alerts(bob)).extracting(AlertEntry::latestActor).containsExactly(cy.id());
        assertThat(w.alerts(cy)).isEmpty();
    }

    @Test
    void a_watcher_with_news_pending_in_a_thread_gets_no_more_reply_alerts_until_reading_it() {
        Post first = thread(ann, "Hello");
        reply(bob, first, "one");
        w.deliver();
        reply(cy, first, "two");
        reply(bob, first, "three");
        w.deliver();
        assertThat(w.alerts(ann)).singleElement().satisfies(a -> assertThat(a.latestActor()).isEqualTo(bob.id()));

        w.forum.reading().threadPage(as(ann), first.threadId(), 1); // ann reads the thread: the news is no longer new
        w.forum.flushViews();
        Post four = reply(cy, first, "four");
        w.deliver();
        // reading marked the first alert read (docs/alerts.md, "Read with the thread"): the new one is the only unread
        assertThat(w.unread(ann)).isEqualTo(1);
        assertThat(w.alerts(ann).get(0).post()).isEqualTo(four.id());

        w.forum.alerts().markAllRead(as(ann)); // marking the alerts read without reading the thread counts as well
        Post five = reply(bob, first, "five");
        w.deliver();
        assertThat(w.unread(ann)).isEqualTo(1);
        assertThat(w.alerts(ann).get(0).post()).isEqualTo(five.id());
    }

    @Test
    void a_member_watching_the_thread_and_every_post_of_its_board_hears_of_the_threads_news_once() {
        Post first = thread(ann, "Hello");
        w.deliver();
        w.forum.watching().watchBoard(as(cy), w.board.id(), true, false);
        w.forum.watching().watchThread(as(cy), first.threadId(), false);
        reply(bob, first, "one");
        w.deliver();
        reply(bob, first, "two");
        w.deliver();

        assertThat(kinds(w.alerts(cy))).containsExactly(AlertKind.REPLY);
    }

    @Test
    void quotes_and_mentions_are_never_held_back_by_pending_news() {
        Post first = thread(ann, "Hello");
        reply(bob, first, "one");
        w.deliver();
        reply(cy, first, "[quote=ann post=" + first.id() + "]Hello[/quote] and hi @ann");
        w.deliver();

        assertThat(kinds(w.alerts(ann))).containsExactly(AlertKind.QUOTE, AlertKind.REPLY);
    }

    @Test
    void replies_in_one_batch_give_each_watcher_one_alert_about_the_first_of_them() {
        Post first = thread(ann, "Hello");
        w.deliver();
        Post one = reply(bob, first, "one");
        reply(cy, first, "two");
        reply(bob, first, "three");
        w.deliver(); // one batch of the alerts consumer

        assertThat(w.alerts(ann)).singleElement().satisfies(a -> assertThat(a.post()).isEqualTo(one.id()));
        // bob watches since his first reply of the batch: cy's reply is news to him, his own later one is not
        assertThat(w.alerts(bob)).singleElement().satisfies(a -> assertThat(a.latestActor()).isEqualTo(cy.id()));
        assertThat(w.alerts(cy)).singleElement().satisfies(a -> assertThat(a.latestActor()).isEqualTo(bob.id()));
    }

    @Test
    void a_large_fan_out_is_planned_in_chunks_that_add_nothing_when_written_again() {
        Post first = thread(ann, "Hello");
        w.deliver();
        w.storage.transactions().run(() -> {
            for (int i = 1; i <= 2_500; i++) {
                w.storage.watches().putThread(new ThreadWatch(dev.forumkit.core.member.MemberId.of(1_000_000 + i),
                        first.threadId(), false, w.clock.instant()));
            }
        });
        reply(bob, first, "to everyone");
        var plan = w.storage.transactions().readOnly(() -> w.forum.alerts().fanout().plan(w.undelivered()));
        List<Runnable> steps = plan.steps();
        assertThat(plan.large()).isTrue();

        assertThat(steps).hasSize(3); // 2,501 alerts (ann too) in chunks of 1,000; bob's watch goes with the last
        steps.get(0).run();
        steps.get(0).run(); // a chunk written again after a crash
        steps.forEach(Runnable::run);
        assertThat(w.storage.transactions().readOnly(() -> w.storage.alerts().countUnread(
                dev.forumkit.core.member.MemberId.of(1_000_001)))).isEqualTo(1);
        assertThat(w.unread(ann)).isEqualTo(1);
        assertThat(w.forum.watching().threadWatch(as(bob), first.threadId())).isPresent();
        w.deliver(); // the consumer plans the same batch again: nothing new
        assertThat(w.storage.transactions().readOnly(() -> w.storage.alerts().bySource(w.delivered.get(w.delivered.size() - 1)
                .position()))).hasSize(2_501);
    }

    @Test
    void nobody_is_alerted_about_their_own_action() {
        Post first = thread(ann, "Talking to myself, @ann");
        reply(ann, first, "[quote=ann post=" + first.id() + "]me[/quote] still me");
        w.deliver();

        assertThat(w.alerts(ann)).isEmpty();
    }

    @Test
    void a_quote_alerts_the_author_of_the_quoted_post_once_even_if_they_also_watch_and_are_mentioned() {
        Post first = thread(ann, "Where do you ride?");
        reply(bob, first, "[quote=ann post=" + first.id() + "]Where?[/quote] Along the river, @ann");
        w.deliver();

        assertThat(kinds(w.alerts(ann))).containsExactly(AlertKind.QUOTE);
    }

    @Test
    void a_mention_alerts_the_member_mentioned() {
        Post first = thread(ann, "Hello @cyd and @nobody");
        w.deliver();

        assertThat(w.alerts(cy)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.MENTION);
            assertThat(a.post()).isEqualTo(first.id());
            assertThat(a.latestActor()).isEqualTo(ann.id());
        });
    }

    @Test
    void an_edit_alerts_only_the_members_it_newly_mentions_or_quotes() {
        Post first = thread(ann, "Route?");
        Post reply = reply(bob, first, "Hello @cyd");
        w.deliver();
        w.forum.posts().edit(as(bob), reply.id(), "Hello @cyd and @ann");
        w.deliver();
        w.forum.posts().edit(as(bob), reply.id(), "Hello @cyd and @ann, again");
        w.deliver();

        assertThat(kinds(w.alerts(cy))).containsExactly(AlertKind.MENTION);
        assertThat(kinds(w.alerts(ann))).containsExactly(AlertKind.MENTION, AlertKind.REPLY);
    }

    @Test
    void a_reaction_alerts_the_author_of_the_post_with_its_type() {
        Post first = thread(ann, "Photo of my bike");
        w.forum.reactions().react(as(bob), first.id(), "like");
        w.deliver();
        w.forum.reactions().react(as(bob), first.id(), "love"); // a changed reaction is not news
        w.deliver();

        assertThat(w.alerts(ann)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.REACTION);
            assertThat(a.detail()).isEqualTo("like");
        });
    }

    @Test
    void a_new_thread_alerts_the_watchers_of_the_board_and_every_post_only_those_who_asked() {
        Board other = w.forum.boards().createBoard(as(w.admin), w.category.id(), "Running", "", "");
        w.forum.watching().watchBoard(as(ann), w.board.id(), false, false);
        w.forum.watching().watchBoard(as(cy), w.board.id(), true, true);
        w.forum.watching().watchBoard(as(ann), other.id(), true, false);
        Post first = thread(bob, "New here");
        w.deliver();
        w.forum.alerts().markAllRead(as(ann));
        w.forum.alerts().markAllRead(as(cy));
        reply(w.moderator, first, "Welcome");
        w.deliver();

        assertThat(w.alerts(ann)).extracting(AlertEntry::kind, AlertEntry::read)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.NEW_THREAD, true));
        assertThat(w.alerts(ann).get(0).board()).isEqualTo(w.board.id());
        assertThat(w.alerts(ann).get(0).boardTitle()).isEqualTo("Cycling");
        assertThat(kinds(w.alerts(cy))).containsExactly(AlertKind.NEW_POST_IN_BOARD, AlertKind.NEW_THREAD);
    }

    @Test
    void moderation_of_a_members_content_alerts_them_even_when_it_is_now_hidden_from_them() {
        Post first = thread(ann, "Selling my bike");
        Post reply = reply(ann, first, "Still available");
        Board market = w.forum.boards().createBoard(as(w.admin), w.category.id(), "Market", "", "");
        w.forum.threads().lock(as(w.moderator), first.threadId(), true);
        w.forum.threads().lock(as(w.moderator), first.threadId(), false);
        w.forum.threads().move(as(w.moderator), first.threadId(), market.id());
        w.forum.posts().delete(as(w.moderator), reply.id(), "spam");
        w.forum.posts().restore(as(w.moderator), reply.id());
        w.forum.threads().delete(as(w.moderator), first.threadId(), "sold");
        w.deliver();

        List<AlertEntry> alerts = w.alerts(ann);
        assertThat(kinds(alerts)).containsExactlyInAnyOrder(AlertKind.THREAD_LOCKED, AlertKind.THREAD_MOVED,
                AlertKind.POST_DELETED, AlertKind.POST_RESTORED, AlertKind.THREAD_DELETED);
        assertThat(alerts).allSatisfy(a -> assertThat(a.latestActor()).isEqualTo(w.moderator.id()));
        assertThat(alerts).allSatisfy(a -> assertThat(a.contentVisible()).isFalse()); // the thread is deleted now
        assertThat(alerts).filteredOn(a -> a.kind() == AlertKind.THREAD_MOVED).singleElement()
                .satisfies(a -> assertThat(a.boardTitle()).isEqualTo("Market"));
    }

    @Test
    void deleting_ones_own_post_alerts_nobody() {
        Post first = thread(ann, "Hi");
        Post reply = reply(bob, first, "oops");
        w.forum.posts().delete(as(bob), reply.id(), "");
        w.deliver();

        assertThat(w.alerts(bob)).isEmpty();
    }

    @Test
    void an_ignored_member_causes_no_alerts_for_the_member_who_ignores_them() {
        Post first = thread(ann, "Hi");
        w.forum.alerts().ignore(as(ann), bob.id());
        reply(bob, first, "[quote=ann post=" + first.id() + "]Hi[/quote] @ann");
        w.forum.reactions().react(as(bob), first.id(), "like");
        reply(cy, first, "Hello");
        w.deliver();

        assertThat(w.alerts(ann)).singleElement().satisfies(a -> assertThat(a.latestActor()).isEqualTo(cy.id()));
        assertThat(w.forum.alerts().ignored(as(ann))).containsExactly(new IgnoredMember(bob.id(), "bob"));

        assertThat(w.forum.alerts().unignore(as(ann), bob.id())).isTrue();
        w.forum.reactions().react(as(bob), reply(ann, first, "later").id(), "like");
        w.deliver();
        assertThat(kinds(w.alerts(ann))).contains(AlertKind.REACTION);
    }

    @Test
    void staff_and_oneself_cannot_be_ignored() {
        assertThatThrownBy(() -> w.forum.alerts().ignore(as(ann), w.moderator.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> w.forum.alerts().ignore(as(ann), ann.id())).isInstanceOf(InvalidInputException.class);
        assertThat(w.forum.alerts().ignored(as(ann))).isEmpty();
    }

    @Test
    void content_deleted_before_the_fan_out_alerts_only_staff() {
        Post first = thread(ann, "Hi");
        w.forum.watching().watchThread(as(w.moderator), first.threadId(), false);
        Post reply = reply(bob, first, "rude words @cyd");
        w.forum.posts().delete(as(w.admin), reply.id(), "rude");
        w.deliver();

        assertThat(w.alerts(ann)).isEmpty();
        assertThat(w.alerts(cy)).isEmpty();
        assertThat(kinds(w.alerts(w.moderator))).containsExactly(AlertKind.REPLY);
    }

    @Test
    void a_kind_turned_off_alerts_nobody_but_a_less_specific_kind_still_may() {
        Post first = thread(ann, "Hi");
        w.forum.alerts().savePreferences(as(ann), w.forum.alerts().preferences(as(ann))
                .with(AlertKind.QUOTE, Delivery.OFF).with(AlertKind.REACTION, Delivery.OFF).with(AlertKind.REPLY, Delivery.EMAIL));
        reply(bob, first, "[quote=ann post=" + first.id() + "]Hi[/quote]");
        w.forum.reactions().react(as(bob), first.id(), "like");
        w.deliver();

        assertThat(kinds(w.alerts(ann))).containsExactly(AlertKind.REPLY);
        Preferences saved = w.forum.alerts().preferences(as(ann));
        assertThat(saved.delivery(AlertKind.QUOTE)).isEqualTo(Delivery.OFF);
        assertThat(saved.delivery(AlertKind.REPLY)).isEqualTo(Delivery.EMAIL);
        assertThat(saved.delivery(AlertKind.MENTION)).isEqualTo(Delivery.ON_SITE);
    }

    @Test
    void preferences_of_another_member_cannot_be_saved() {
        assertThatThrownBy(() -> w.forum.alerts().savePreferences(as(bob), Preferences.defaults(ann.id())))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void unread_alerts_of_one_kind_on_one_post_are_one_entry_with_the_actor_count() {
        Post first = thread(ann, "Photo");
        List<Member> fans = new ArrayList<>(List.of(bob, cy, w.member("dee"), w.member("kenji")));
        for (Member fan : fans) {
            w.forum.reactions().react(as(fan), first.id(), "like");
            w.deliver();
        }

        assertThat(w.alerts(ann)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.REACTION);
            assertThat(a.latestActorName()).isEqualTo("kenji");
            assertThat(a.actorCount()).isEqualTo(4);
            assertThat(a.otherActors()).isEqualTo(3);
            assertThat(a.ids()).hasSize(4);
        });
        assertThat(w.unread(ann)).isEqualTo(4);

        assertThat(w.forum.alerts().markRead(as(ann), w.alerts(ann).get(0).ids().get(3))).isEqualTo(4);
        assertThat(w.unread(ann)).isZero();
        assertThat(w.alerts(ann)).hasSize(4).allSatisfy(a -> assertThat(a.actorCount()).isEqualTo(1))
                .extracting(AlertEntry::latestActorName).containsExactly("kenji", "dee", "cyd", "bob");
    }

    @Test
    void an_alert_of_another_member_cannot_be_marked_read() {
        Post first = thread(ann, "Hi");
        reply(bob, first, "Hello");
        w.deliver();
        AlertId annsAlert = w.alerts(ann).get(0).ids().get(0);

        assertThatThrownBy(() -> w.forum.alerts().markRead(as(bob), annsAlert)).isInstanceOf(dev.forumkit.core.NotFoundException.class);
        assertThat(w.unread(ann)).isEqualTo(1);
    }

    @Test
    void an_event_delivered_twice_makes_one_alert() {
        Post first = thread(ann, "Hi");
        reply(bob, first, "Hello @cyd");
        w.deliver();
        w.redeliverLast();
        w.redeliverLast();

        assertThat(w.unread(ann)).isEqualTo(1);
        assertThat(w.unread(cy)).isEqualTo(1);
    }

    @Test
    void a_failed_fan_out_leaves_no_alerts() {
        Post first = thread(ann, "Hi");
        reply(bob, first, "Hello");
        w.deliver();
        w.forum.alerts().markAllRead(as(ann));
        reply(cy, first, "Me too");
        assertThat(w.undelivered()).isNotEmpty();
        w.undelivered().forEach(d -> {
            try {
                w.storage.transactions().run(() -> {
                    w.forum.alerts().fanout().handle(d.position(), d.event());
                    throw new IllegalStateException("the outbox could not record its position");
                });
            } catch (IllegalStateException expected) {
                // the consumer's transaction rolled back with the alerts in it
            }
        });

        assertThat(w.unread(ann)).isZero();
        assertThat(w.unread(bob)).isZero();
    }

    @Test
    void a_reply_in_a_thread_with_ten_thousand_watchers_alerts_them_all() {
        Post first = thread(ann, "Big news");
        Instant now = w.clock.instant();
        List<Member> sample = new ArrayList<>();
        w.storage.transactions().run(() -> {
            for (int i = 0; i < 10_000; i++) {
                Member m = w.storage.members().add(Member.withoutId("watcher" + i, "watcher" + i + "@example.org", "x",
                        now, dev.forumkit.core.member.Role.MEMBER));
                w.storage.watches().putThread(new ThreadWatch(m.id(), first.threadId(), false, now));
                if (i % 2500 == 0) {
                    sample.add(m);
                }
            }
        });
        reply(bob, first, "Hello everyone");
        w.deliver();

        for (Member m : sample) {
            assertThat(w.unread(m)).isEqualTo(1);
        }
        assertThat(w.unread(ann)).isEqualTo(1);
    }
}
