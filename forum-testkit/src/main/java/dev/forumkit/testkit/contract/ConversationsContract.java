package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.conversation.Conversation;
import dev.forumkit.core.conversation.ConversationLimits;
import dev.forumkit.core.conversation.ConversationPage;
import dev.forumkit.core.conversation.ConversationService;
import dev.forumkit.core.conversation.ConversationSummary;
import dev.forumkit.core.conversation.Message;
import dev.forumkit.core.conversation.MessageReactions;
import dev.forumkit.core.conversation.MessageView;
import dev.forumkit.core.conversation.ParticipantView;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.member.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.List;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Private conversations through the service and the port: who reads (participants only; everyone else gets not
 * found), unread state per participant, invitations with the whole history, leaving, blocks, limits and rate limits.
 */
public abstract class ConversationsContract extends ContractBase {
    private Member ann;
    private Member bob;
    private Member cat;
    private Member dan;

    private final dev.forumkit.core.mail.InMemoryMailer mailer = new dev.forumkit.core.mail.InMemoryMailer();

    @Override
    protected void configure(ForumConfig config) {
        config.conversationLimits(new ConversationLimits(3, 2, Duration.ofHours(1))).mailer(mailer)
                .publicUrl("https://forum.example.org");
    }

    @BeforeEach
    void people() {
        ann = fx().member("ann");
        bob = fx().member("bob");
        cat = fx().member("cat");
        dan = fx().member("dan");
    }

    private Conversation annAndBob() {
        return forum.conversations().start(actor(ann), "  Saturday ride  ", "Shall we ride <b>early</b>?", List.of("bob"), false);
    }

    @Test
    void aStartedConversationHasItsFirstMessageRenderedAndBothParticipants() {
        Conversation c = annAndBob();

        assertThat(c.title()).isEqualTo("Saturday ride");
        assertThat(c.messageCount()).isEqualTo(1);
        assertThat(c.starter()).isEqualTo(ann.id());
        ConversationPage page = forum.conversations().read(actor(bob), c.id(), 1);
        assertThat(page.participants()).extracting(ParticipantView::name).containsExactly("ann", "bob");
        MessageView first = page.messages().items().get(0);
        assertThat(first.authorName()).isEqualTo("ann");
        assertThat(first.message().html()).as("rendered by the posts' renderer, escaped").contains("&lt;b&gt;early").doesNotContain("<b>");
        assertThat(first.message().body()).isEqualTo("Shall we ride <b>early</b>?");
        assertThat(first.unread()).isTrue();
        assertThat(page.canReply()).isTrue();
        assertThat(page.canInvite()).as("only the starter invites unless she allowed it").isFalse();
    }

    @Test
    void unreadStateIsPerParticipantAndReadingClearsIt() {
        Conversation c = annAndBob();
        assertThat(forum.conversations().unreadCount(actor(ann))).as("the starter read her own message").isZero();
        assertThat(forum.conversations().unreadCount(actor(bob))).isEqualTo(1);
        assertThat(forum.conversations().list(actor(bob), 1).items()).extracting(ConversationSummary::unread).containsExactly(true);

        forum.conversations().read(actor(bob), c.id(), 1);
        assertThat(forum.conversations().unreadCount(actor(bob))).isZero();
        clock.advanceSeconds(60);
        forum.conversations().reply(actor(bob), c.id(), "Yes, at seven.");
        assertThat(forum.conversations().unreadCount(actor(bob))).isZero();
        assertThat(forum.conversations().unreadCount(actor(ann))).isEqualTo(1);
        ConversationPage forAnn = forum.conversations().read(actor(ann), c.id(), 1);
        assertThat(forAnn.messages().items()).extracting(MessageView::unread).containsExactly(false, true);
        assertThat(forum.conversations().unreadCount(actor(ann))).isZero();
        assertThat(forum.conversations().unreadCount(Actor.guest())).isZero();
    }

    @Test
    void nobodyButParticipantsReadsOrWritesAndTheyAllGetNotFound() {
        Conversation c = annAndBob();
        Message first = forum.conversations().read(actor(ann), c.id(), 1).messages().items().get(0).message();
        for (Actor outsider : List.of(actor(cat), Actor.guest(), actor(fx().moderator()), actor(fx().admin()))) {
            notFound(() -> forum.conversations().read(outsider, c.id(), 1));
            notFound(() -> forum.conversations().reply(outsider, c.id(), "let me in"));
            notFound(() -> forum.conversations().invite(outsider, c.id(), List.of("dan")));
            notFound(() -> forum.conversations().leave(outsider, c.id()));
            notFound(() -> forum.conversations().message(outsider, first.id()));
            notFound(() -> forum.conversations().pageOf(outsider, first.id()));
        }
        assertThat(forum.conversations().list(actor(cat), 1).total()).isZero();
        assertThat(forum.conversations().read(actor(ann), c.id(), 1).messages().total()).isEqualTo(1);
    }

    @Test
    void anInvitedMemberReadsTheWholeHistory() {
        Conversation c = forum.conversations().start(actor(ann), "Club kit", "Which colours?", List.of("bob"), true);
        forum.conversations().reply(actor(bob), c.id(), "Green and white.");
        List<ParticipantView> now = forum.conversations().invite(actor(bob), c.id(), List.of("cat"));

        assertThat(now).extracting(ParticipantView::name).containsExactly("ann", "bob", "cat");
        ConversationPage forCat = forum.conversations().read(actor(cat), c.id(), 1);
        assertThat(forCat.messages().items()).extracting(v -> v.message().body()).containsExactly("Which colours?", "Green and white.");
        assertThat(forCat.canInvite()).isTrue();
    }

    @Test
    void onlyTheStarterInvitesUnlessSheAllowedOthers() {
        Conversation c = annAndBob();
        assertThatThrownBy(() -> forum.conversations().invite(actor(bob), c.id(), List.of("cat")))
                .isInstanceOf(NotAllowedException.class);
        forum.conversations().invite(actor(ann), c.id(), List.of("cat"));
        assertThat(forum.conversations().read(actor(cat), c.id(), 1).participants()).hasSize(3);
    }

    @Test
    void theHeadersUnreadCountsReadTogetherEqualTheCountsReadApart() {
        Conversation c = annAndBob();
        Conversation three = forum.conversations().start(actor(ann), "Club kit", "Which colours?", List.of("bob", "cat"), true);
        forum.conversations().leave(actor(cat), three.id());
        clock.advanceSeconds(60);
        forum.conversations().reply(actor(bob), three.id(), "After cat left");
        sameCounts();
        assertThat(read(() -> storage.alerts().unreadCounts(bob.id())).conversations()).isEqualTo(1);
        assertThat(read(() -> storage.alerts().unreadCounts(ann.id())).conversations()).isEqualTo(1);
        assertThat(read(() -> storage.alerts().unreadCounts(cat.id())).conversations()).as("cat left").isZero();

        forum.conversations().read(actor(bob), c.id(), 1);
        forum.conversations().read(actor(ann), three.id(), 1);
        sameCounts();
        assertThat(read(() -> storage.alerts().unreadCounts(bob.id())).conversations()).isZero();
        assertThat(read(() -> storage.alerts().unreadCounts(ann.id())).conversations()).isZero();
    }

    private void sameCounts() {
        for (Member m : List.of(ann, bob, cat, dan)) {
            var together = read(() -> storage.alerts().unreadCounts(m.id()));
            assertThat(together.alerts()).as("%s's alerts", m.username()).isEqualTo(read(() -> storage.alerts().countUnread(m.id())));
            assertThat(together.conversations()).as("%s's conversations", m.username())
                    .isEqualTo(read(() -> storage.conversations().countUnread(m.id())));
        }
    }

    @Test
    void aMemberWhoLeftLosesTheConversationUntilInvitedBack() {
        Conversation c = forum.conversations().start(actor(ann), "Club kit", "Which colours?", List.of("bob", "cat"), true);
        forum.conversations().leave(actor(cat), c.id());
        clock.advanceSeconds(60);
        forum.conversations().reply(actor(bob), c.id(), "After cat left");

        notFound(() -> forum.conversations().read(actor(cat), c.id(), 1));
        notFound(() -> forum.conversations().reply(actor(cat), c.id(), "back door"));
        assertThat(forum.conversations().list(actor(cat), 1).total()).isZero();
        assertThat(forum.conversations().unreadCount(actor(cat))).isZero();
        assertThat(forum.conversations().read(actor(ann), c.id(), 1).participants())
                .extracting(ParticipantView::name, ParticipantView::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ann", true), org.assertj.core.groups.Tuple.tuple("bob", true),
                        org.assertj.core.groups.Tuple.tuple("cat", false));

        forum.conversations().invite(actor(ann), c.id(), List.of("cat"));
        assertThat(forum.conversations().read(actor(cat), c.id(), 1).messages().total()).isEqualTo(2);
    }

    @Test
    void recipientsAreCheckedAndNothingIsStoredWhenOneIsWrong() {
        assertThatThrownBy(() -> forum.conversations().start(actor(ann), "Hi", "Hello", List.of("bob", "nobody"), false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> forum.conversations().start(actor(ann), "Hi", "Hello", List.of("ann"), false))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> forum.conversations().start(actor(ann), "Hi", "Hello", List.of(), false))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> forum.conversations().start(actor(ann), "Hi", "Hello", List.of("bob, cat", "dan"), false))
                .as("the limit is 3 participants with the starter").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> forum.conversations().start(actor(ann), " ", "Hello", List.of("bob"), false))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> forum.conversations().start(Actor.guest(), "Hi", "Hello", List.of("bob"), false))
                .isInstanceOf(NotAllowedException.class);
        assertThat(forum.conversations().list(actor(ann), 1).total()).isZero();
        assertThat(forum.conversations().list(actor(bob), 1).total()).isZero();

        Conversation c = forum.conversations().start(actor(ann), "Hi", "Hello", List.of("bob, cat"), false);
        assertThatThrownBy(() -> forum.conversations().invite(actor(ann), c.id(), List.of("dan")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> forum.conversations().invite(actor(ann), c.id(), List.of("bob")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aMemberBlocksOthersFromStartingConversationsWithThemOrInvitingThem() {
        forum.conversations().block(actor(bob), "ann");
        assertThat(forum.conversations().blocked(actor(bob))).containsExactly("ann");
        assertThatThrownBy(() -> forum.conversations().start(actor(ann), "Hi", "Hello", List.of("bob"), false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bob");
        Conversation c = forum.conversations().start(actor(ann), "Hi", "Hello", List.of("cat"), true);
        assertThatThrownBy(() -> forum.conversations().invite(actor(ann), c.id(), List.of("bob")))
                .isInstanceOf(InvalidInputException.class);
        forum.conversations().invite(actor(cat), c.id(), List.of("bob"));   // bob blocks ann, not cat

        forum.conversations().unblock(actor(bob), "ann");
        assertThat(forum.conversations().blocked(actor(bob))).isEmpty();
        forum.conversations().start(actor(ann), "Hi again", "Hello", List.of("bob"), false);
    }

    @Test
    void startingIsRateLimitedForMembersButNotStaff() {
        forum.conversations().start(actor(ann), "One", "1", List.of("bob"), false);
        forum.conversations().start(actor(ann), "Two", "2", List.of("bob"), false);
        assertThatThrownBy(() -> forum.conversations().start(actor(ann), "Three", "3", List.of("bob"), false))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("wait");
        forum.conversations().reply(actor(ann), forum.conversations().list(actor(ann), 1).items().get(0).conversation().id(), "replies are fine");
        clock.advance(Duration.ofMinutes(61));
        forum.conversations().start(actor(ann), "Three", "3", List.of("bob"), false);
        for (int i = 0; i < 3; i++) {
            forum.conversations().start(actor(fx().moderator()), "Mod " + i, "note", List.of("bob"), false);
        }
    }

    @Test
    void theListIsPagedMostRecentFirstAndMessagesArePaged() {
        Conversation older = annAndBob();
        clock.advanceSeconds(10);
        Conversation newer = forum.conversations().start(actor(ann), "Newer", "x", List.of("bob"), false);
        clock.advanceSeconds(10);
        forum.conversations().reply(actor(bob), older.id(), "bump");
        assertThat(forum.conversations().list(actor(bob), 1).items()).extracting(s -> s.conversation().id())
                .containsExactly(older.id(), newer.id());
        assertThat(forum.conversations().list(actor(bob), 1).items().get(0).participantNames()).containsExactly("ann");

        for (int i = 0; i < ConversationService.PER_PAGE; i++) {
            forum.conversations().reply(actor(ann), newer.id(), "message " + i);
        }
        ConversationPage second = forum.conversations().read(actor(bob), newer.id(), 2);
        assertThat(second.messages().lastPage()).isEqualTo(2);
        assertThat(second.messages().items()).extracting(v -> v.message().body()).containsExactly("message 19");
        Message last = second.messages().items().get(0).message();
        assertThat(forum.conversations().pageOf(actor(ann), last.id())).isEqualTo(2);
    }

    @Test
    void ignoredMembersMessagesAreMarkedForCollapsing() {
        Conversation c = annAndBob();
        forum.alerts().ignore(actor(bob), ann.id());
        assertThat(forum.conversations().read(actor(bob), c.id(), 1).messages().items().get(0).authorIgnored()).isTrue();
        assertThat(forum.conversations().read(actor(ann), c.id(), 1).messages().items().get(0).authorIgnored()).isFalse();
    }

    @Test
    void bannedMembersReadButDoNotWrite() {
        Conversation c = annAndBob();
        forum.members().ban(actor(fx().moderator()), bob.id(), "spam", null);
        assertThat(forum.conversations().read(actor(bob), c.id(), 1).canReply()).isFalse();
        assertThatThrownBy(() -> forum.conversations().reply(actor(bob), c.id(), "hi")).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void eachCommandRecordsItsEvent() {
        Conversation c = forum.conversations().start(actor(ann), "Club kit", "Which colours?", List.of("bob"), true);
        forum.conversations().reply(actor(bob), c.id(), "Green");
        forum.conversations().invite(actor(bob), c.id(), List.of("cat"));
        forum.conversations().leave(actor(cat), c.id());
        List<ForumEvent> events = tx(() -> storage.eventLog().after(0, 100)).stream()
                .map(s -> dev.forumkit.core.event.EventCodec.decode(s.event())).filter(e -> e.getClass().getSimpleName().startsWith("Conversation"))
                .toList();
        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isInstanceOfSatisfying(ForumEvent.ConversationStarted.class,
                e -> assertThat(e.recipients()).containsExactly(bob.id()));
        assertThat(events.get(2)).isInstanceOfSatisfying(ForumEvent.ConversationInvited.class,
                e -> assertThat(e.invited()).containsExactly(cat.id()));
    }

    @Test
    void aReportedMessageLetsModeratorsReadItsConversationButNotWriteThere() {
        Conversation c = annAndBob();
        Message first = forum.conversations().read(actor(bob), c.id(), 1).messages().items().get(0).message();
        Actor mod = actor(fx().moderator());
        notFound(() -> forum.reports().reportMessage(actor(cat), first.id(), "spam"));
        notFound(() -> forum.conversations().read(mod, c.id(), 1));

        dev.forumkit.core.report.ReportId id = forum.reports().reportMessage(actor(bob), first.id(), "Unwanted advances");
        dev.forumkit.core.report.ReportView v = forum.reports().get(mod, id);
        assertThat(v.report().subject()).isEqualTo(dev.forumkit.core.report.ReportSubject.message(first.id()));
        assertThat(v.report().reported()).isEqualTo(ann.id());
        assertThat(v.subjectLabel()).isEqualTo("Saturday ride");
        assertThat(v.excerpt()).isEqualTo(first.body());
        ConversationPage forMod = forum.conversations().read(mod, c.id(), 1);
        assertThat(forMod.messages().total()).isEqualTo(1);
        assertThat(forMod.canReply()).isFalse();
        assertThat(forMod.canLeave()).isFalse();
        notFound(() -> forum.conversations().reply(mod, c.id(), "a moderator writes"));
        notFound(() -> forum.conversations().read(actor(cat), c.id(), 1));
        assertThatThrownBy(() -> forum.reports().reportMessage(actor(ann), first.id(), "mine"))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void participantsWhoAskForItAreEMailedOnceAboutNewMessagesAndInvitations() {
        wantEmail(bob);
        wantEmail(dan);
        Conversation c = forum.conversations().start(actor(ann), "Club kit", "Which colours?", List.of("bob"), true);
        forum.outbox().drain();
        assertThat(mailer.sent()).extracting(e -> e.email().to().address()).containsExactly(bob.email());
        var first = mailer.sent().get(0).email();
        assertThat(first.subject()).isEqualTo("ann wrote in the conversation \"Club kit\"");
        assertThat(first.text()).contains("Which colours?").contains("https://forum.example.org/conversations/" + c.id() + "/");

        mailer.clear();
        forum.conversations().invite(actor(bob), c.id(), List.of("dan"));  // dan wants e-mail
        forum.outbox().drain();                                           // the e-mail reads ignores when it is sent
        forum.alerts().ignore(actor(dan), bob.id());
        forum.conversations().reply(actor(bob), c.id(), "Green");          // dan ignores bob; ann wants none
        forum.conversations().reply(actor(ann), c.id(), "Fine by me");    // bob and dan
        forum.outbox().drain();
        forum.outbox().drain();
        assertThat(mailer.sent()).extracting(e -> e.email().to().address() + " " + e.email().subject()).containsExactly(
                dan.email() + " bob invited you to the conversation \"Club kit\"",
                bob.email() + " ann wrote in the conversation \"Club kit\"",
                dan.email() + " ann wrote in the conversation \"Club kit\"");
    }

    private void wantEmail(Member m) {
        forum.alerts().savePreferences(actor(m), forum.alerts().preferences(actor(m))
                .with(dev.forumkit.core.alert.AlertKind.CONVERSATION_MESSAGE, dev.forumkit.core.alert.Delivery.EMAIL));
    }

    @Test
    void concurrentRepliesAreAllCountedAndTheLastOneIsTheNewest() throws Exception {
        Conversation c = forum.conversations().start(actor(ann), "Busy", "Go", List.of("bob", "cat"), false);
        List<Member> writers = List.of(ann, bob, cat);
        Concurrently.run(6, i -> {
            for (int k = 0; k < 5; k++) {
                forum.conversations().reply(actor(writers.get(i % 3)), c.id(), "reply " + i + "." + k);
            }
            return null;
        });
        Conversation after = read(() -> storage.conversations().byId(c.id())).orElseThrow();
        List<Message> all = read(() -> storage.conversations().messages(c.id(), 0, 100));
        assertThat(after.messageCount()).isEqualTo(31).isEqualTo(all.size());
        assertThat(after.lastMessage()).isEqualTo(all.get(all.size() - 1).id());
    }

    @Test
    void thePortKeepsParticipantsMessagesAndBlocks() {
        Conversation c = annAndBob();
        assertThat(read(() -> storage.conversations().byId(c.id()))).contains(c);
        assertThat(read(() -> storage.conversations().participants(c.id()))).hasSize(2);
        assertThat(read(() -> storage.conversations().messages(c.id(), 0, 10))).hasSize(1);
        assertThat(read(() -> storage.conversations().messages(c.id(), 1, 10))).isEmpty();
        assertThat(read(() -> storage.conversations().startedSince(ann.id(), c.createdAt()))).isEqualTo(1);
        assertThat(read(() -> storage.conversations().startedSince(ann.id(), c.createdAt().plusSeconds(1)))).isZero();
        txRun(() -> storage.conversations().block(ann.id(), dan.id()));
        txRun(() -> storage.conversations().block(ann.id(), dan.id()));
        txRun(() -> storage.conversations().block(ann.id(), cat.id()));
        assertThat(read(() -> storage.conversations().blockedBy(ann.id()))).containsExactly(cat.id(), dan.id());
        assertThat(tx(() -> storage.conversations().unblock(ann.id(), dan.id()))).isTrue();
        assertThat(tx(() -> storage.conversations().unblock(ann.id(), dan.id()))).isFalse();
        txRun(() -> storage.conversations().update(c.asReported()));
        Conversation reported = read(() -> storage.conversations().byId(c.id())).orElseThrow();
        assertThat(reported.reported()).isTrue();
        assertThat(reported.messageCount()).as("update leaves the count to addMessage").isEqualTo(1);
        assertThat(reported.lastMessage()).isEqualTo(c.lastMessage());
    }

    @Test
    void participantsReactToEachOthersMessagesWithoutTouchingTheReactionScore() {
        Conversation c = annAndBob();
        Message first = forum.conversations().read(actor(bob), c.id(), 1).messages().items().get(0).message();

        MessageReactions liked = forum.conversations().react(actor(bob), first.id(), "like");
        assertThat(liked.counts()).containsExactly(java.util.Map.entry("like", 1));
        assertThat(liked.yourReaction()).isEqualTo("like");
        assertThat(forum.conversations().react(actor(bob), first.id(), "like").counts()).as("the same type twice")
                .containsExactly(java.util.Map.entry("like", 1));
        MessageView forAnn = forum.conversations().read(actor(ann), c.id(), 1).messages().items().get(0);
        assertThat(forAnn.reactions()).containsExactly(java.util.Map.entry("like", 1));
        assertThat(forAnn.yourReaction()).isNull();
        assertThat(forAnn.canReact()).as("not on her own message").isFalse();
        assertThat(forum.conversations().read(actor(bob), c.id(), 1).messages().items().get(0).canReact()).isTrue();

        assertThat(forum.conversations().react(actor(bob), first.id(), "love").counts()).as("a new type replaces the old")
                .containsExactly(java.util.Map.entry("love", 1));
        assertThat(forum.conversations().read(actor(bob), c.id(), 1).messages().items().get(0).yourReaction()).isEqualTo("love");
        assertThat(read(() -> storage.members().byId(ann.id())).orElseThrow().reactionScore())
                .as("reactions in private conversations stay out of the public reaction score").isZero();

        MessageReactions taken = forum.conversations().unreact(actor(bob), first.id());
        assertThat(taken.counts()).isEmpty();
        assertThat(taken.yourReaction()).isNull();
        assertThat(forum.conversations().unreact(actor(bob), first.id()).counts()).as("nothing to take back").isEmpty();
        assertThat(forum.conversations().read(actor(ann), c.id(), 1).messages().items().get(0).reactions()).isEmpty();
    }

    @Test
    void nobodyReactsToTheirOwnMessageOrWithAnUnknownType() {
        Conversation c = annAndBob();
        Message first = forum.conversations().read(actor(bob), c.id(), 1).messages().items().get(0).message();
        assertThatThrownBy(() -> forum.conversations().react(actor(ann), first.id(), "like"))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.conversations().react(actor(bob), first.id(), "shrug"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("shrug");
        assertThatThrownBy(() -> forum.conversations().react(actor(bob), first.id(), null))
                .isInstanceOf(InvalidInputException.class);
        forum.members().ban(actor(fx().moderator()), bob.id(), "spam", null);
        assertThat(forum.conversations().read(actor(bob), c.id(), 1).messages().items().get(0).canReact()).isFalse();
        assertThatThrownBy(() -> forum.conversations().react(actor(bob), first.id(), "like"))
                .isInstanceOf(NotAllowedException.class);
        assertThat(read(() -> storage.conversations().reactionCounts(List.of(first.id())))).isEmpty();
    }

    @Test
    void onlyActiveParticipantsReactOrSeeReactions() {
        Conversation c = forum.conversations().start(actor(ann), "Club kit", "Which colours?", List.of("bob", "cat"), true);
        Message first = forum.conversations().read(actor(bob), c.id(), 1).messages().items().get(0).message();
        forum.conversations().react(actor(bob), first.id(), "like");
        forum.conversations().leave(actor(cat), c.id());
        Actor mod = actor(fx().moderator());
        for (Actor outsider : List.of(actor(cat), actor(dan), Actor.guest(), mod, actor(fx().admin()))) {
            notFound(() -> forum.conversations().react(outsider, first.id(), "like"));
            notFound(() -> forum.conversations().unreact(outsider, first.id()));
        }
        notFound(() -> forum.conversations().react(actor(bob), dev.forumkit.core.conversation.MessageId.of(999_999), "like"));

        forum.reports().reportMessage(actor(bob), first.id(), "Unwanted advances");
        assertThat(forum.conversations().read(mod, c.id(), 1).messages().items().get(0).reactions())
                .as("a moderator reading a reported conversation does not see its reactions").isEmpty();
        notFound(() -> forum.conversations().react(mod, first.id(), "angry"));
        assertThat(read(() -> storage.conversations().reactionCounts(List.of(first.id()))).get(first.id()))
                .containsExactly(java.util.Map.entry("like", 1));
    }

    @Test
    void thePortKeepsOneReactionPerMemberPerMessage() {
        Conversation c = forum.conversations().start(actor(ann), "Club kit", "Which colours?", List.of("bob", "cat"), true);
        Message first = read(() -> storage.conversations().messages(c.id(), 0, 1)).get(0);
        Message second = forum.conversations().reply(actor(bob), c.id(), "Green");
        java.time.Instant at = clock.instant();
        txRun(() -> storage.conversations().putReaction(first.id(), bob.id(), "like", at));
        txRun(() -> storage.conversations().putReaction(first.id(), bob.id(), "haha", at));
        txRun(() -> storage.conversations().putReaction(first.id(), cat.id(), "haha", at));
        txRun(() -> storage.conversations().putReaction(second.id(), cat.id(), "sad", at));
        List<dev.forumkit.core.conversation.MessageId> both = List.of(first.id(), second.id());
        assertThat(read(() -> storage.conversations().reactionCounts(both))).isEqualTo(java.util.Map.of(
                first.id(), java.util.Map.of("haha", 2), second.id(), java.util.Map.of("sad", 1)));
        assertThat(read(() -> storage.conversations().reactionsBy(cat.id(), both))).isEqualTo(java.util.Map.of(
                first.id(), "haha", second.id(), "sad"));
        assertThat(read(() -> storage.conversations().reactionsBy(ann.id(), both))).isEmpty();
        assertThat(read(() -> storage.conversations().reactionCounts(List.of()))).isEmpty();
        assertThat(tx(() -> storage.conversations().removeReaction(first.id(), bob.id()))).isTrue();
        assertThat(tx(() -> storage.conversations().removeReaction(first.id(), bob.id()))).isFalse();
        assertThat(read(() -> storage.conversations().reactionCounts(both)).get(first.id())).isEqualTo(java.util.Map.of("haha", 1));
        assertThatThrownBy(() -> txRun(() -> storage.conversations().putReaction(
                dev.forumkit.core.conversation.MessageId.of(999_999), bob.id(), "like", at))).isInstanceOf(NotFoundException.class);
    }

    private static void notFound(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(NotFoundException.class);
    }
}
