package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.alert.Delivery;
import dev.forumkit.core.event.EventCodec;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.event.StoredEvent;
import dev.forumkit.core.mail.InMemoryMailer;
import dev.forumkit.core.mail.Mailer;
import dev.forumkit.core.mail.SentEmail;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.testkit.ForumFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Notification e-mails through the services, the alerts consumer and the mail consumer, with an in-memory mailer. */
public abstract class NotificationEmailContract extends ContractBase {
    private static final Pattern UNSUBSCRIBE = Pattern.compile("https://forum\\.example\\.org/unsubscribe/([A-Za-z0-9_-]{43})");
    private final InMemoryMailer mailer = new InMemoryMailer();
    /** Set: the mail server takes each e-mail, then the process dies before the forum hears back. */
    private final AtomicBoolean dieAfterSending = new AtomicBoolean();
    private Forum mailing;
    private ForumFixture f;
    private Member ann;
    private Member bob;
    private Post opening;

    @BeforeEach
    void mailingForum() {
        forum.close();
        Mailer dying = email -> {
            mailer.send(email);
            if (dieAfterSending.get()) {
                throw new SimulatedCrash();
            }
        };
        mailing = ForumFixture.forum(counted, clock, c -> c.mailer(dying).publicUrl("https://forum.example.org"));
        forum = mailing;
        f = ForumFixture.on(mailing, counted);
        ann = f.member("ann");
        bob = f.member("bob");
        opening = mailing.threads().start(as(ann), f.board().id(), "Kyoto <in> spring", "When do they bloom?");
        mailing.outbox().drain();
        mailing.watching().watchThread(as(ann), opening.threadId(), true);
        mailer.clear();
    }

    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    private static Actor as(Member m) {
        return Actor.member(m.id());
    }

    private Post reply(Member by, String body) {
        Post p = mailing.posts().reply(as(by), opening.threadId(), body).post();
        mailing.outbox().drain();
        return p;
    }

    private List<SentEmail> to(Member m) {
        return mailer.sent().stream().filter(e -> e.email().to().address().equals(m.email())).toList();
    }

    private static String unsubscribeToken(SentEmail e) {
        Matcher m = UNSUBSCRIBE.matcher(e.email().text());
        assertThat(m.find()).as(e.email().text()).isTrue();
        return m.group(1);
    }

    @Test
    void aReplyInAThreadWatchedWithEmailSendsTextAndEscapedHtmlWithUnsubscribeHeaders() {
        Post p = reply(bob, "Early <b>April</b> & later");

        List<SentEmail> sent = to(ann);
        assertThat(sent).hasSize(1);
        assertThat(to(bob)).isEmpty(); // never for your own action
        var mail = sent.get(0).email();
        assertThat(mail.subject()).isEqualTo("bob replied to the thread \"Kyoto <in> spring\"");
        assertThat(mail.text()).contains("> Early <b>April</b> & later").contains("https://forum.example.org/posts/" + p.id().value() + "/");
        assertThat(mail.html()).contains("Early &lt;b&gt;April&lt;/b&gt; &amp; later").contains("Kyoto &lt;in&gt; spring")
                .doesNotContain("<b>April");
        String token = unsubscribeToken(sent.get(0));
        assertThat(mail.headers()).containsEntry("List-Unsubscribe", "<https://forum.example.org/unsubscribe/" + token + ">")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        assertThat(mail.key()).endsWith(":" + ann.id());
    }

    @Test
    void atMostOneEmailPerThreadUntilTheMemberReadsIt() {
        reply(bob, "one");
        reply(bob, "two");
        assertThat(to(ann)).hasSize(1);

        mailing.reading().threadPage(as(ann), opening.threadId(), 1);
        mailing.flushViews();
        reply(bob, "three");
        reply(bob, "four");

        assertThat(to(ann)).hasSize(2);
        assertThat(to(ann).get(1).email().text()).contains("> three");
    }

    @Test
    void aWatchWithoutEmailSendsNothingAndTheUnsubscribeLinkTurnsTheFlagOff() {
        reply(bob, "one");
        String token = unsubscribeToken(to(ann).get(0));
        assertThat(mailing.emailNotifications().describe(token)).isPresent();

        assertThat(mailing.emailNotifications().unsubscribe(token)).isTrue();
        assertThat(mailing.emailNotifications().unsubscribe(token)).isTrue(); // a second click changes nothing more

        assertThat(mailing.watching().threadWatch(as(ann), opening.threadId()).orElseThrow().email()).isFalse();
        mailing.reading().threadPage(as(ann), opening.threadId(), 1);
        mailing.flushViews();
        reply(bob, "two");
        assertThat(to(ann)).hasSize(1);
        // still alerted on the site (the alert of "one" went read when ann read the thread past it)
        assertThat(mailing.alerts().unreadCount(as(ann))).isEqualTo(1);
        assertThat(mailing.emailNotifications().unsubscribe("x".repeat(43))).isFalse();
    }

    @Test
    void aKindSetToEmailSendsAndItsLinkSetsTheKindBackToOnSite() {
        mailing.alerts().savePreferences(as(ann), mailing.alerts().preferences(as(ann)).with(AlertKind.REACTION, Delivery.EMAIL));
        mailing.reactions().react(as(bob), opening.id(), "like");
        mailing.outbox().drain();

        List<SentEmail> sent = to(ann);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).email().subject()).isEqualTo("bob reacted to your post in the thread \"Kyoto <in> spring\"");
        mailing.emailNotifications().unsubscribe(unsubscribeToken(sent.get(0)));

        assertThat(mailing.alerts().preferences(as(ann)).delivery(AlertKind.REACTION)).isEqualTo(Delivery.ON_SITE);
        assertThat(mailing.watching().threadWatch(as(ann), opening.threadId()).orElseThrow().email()).isTrue();
    }

    @Test
    void noEmailForContentDeletedBeforeTheMailWentOutNorFromAnIgnoredMember() {
        Post p = mailing.posts().reply(as(bob), opening.threadId(), "soon gone").post();
        mailing.posts().delete(as(f.moderator()), p.id(), "spam");
        mailing.outbox().drain();
        assertThat(to(ann)).isEmpty();

        mailing.alerts().ignore(as(ann), bob.id());
        reply(bob, "ignored");
        assertThat(to(ann)).isEmpty();
    }

    private StoredEvent lastPostCreated() {
        return read(() -> storage.eventLog().after(0, 1000)).stream()
                .filter(e -> e.event().type().equals("PostCreated")).reduce((a, b) -> b).orElseThrow();
    }

    private void redeliver(StoredEvent e) {
        mailing.emailNotifications().send(new EventDelivery(e.position(), EventCodec.decode(e.event()),
                e.createdAt()));
    }

    /** The issue: "an event delivered twice sends one e-mail". */
    @Test
    void aRedeliveredEventSendsNoEmailThatWasRecordedAsSent() {
        Member cat = f.member("cat");
        mailing.watching().watchThread(as(cat), opening.threadId(), true);
        reply(bob, "one");
        assertThat(to(ann)).hasSize(1);
        assertThat(to(cat)).hasSize(1);

        redeliver(lastPostCreated());

        assertThat(mailer.sent()).hasSize(2);
    }

    /**
     * The one e-mail a crash can catch between the mail server's answer and the record that it was sent goes out
     * again, as the same message (same Message-ID); the others of the event are not sent again.
     */
    @Test
    void anEmailCaughtByACrashBetweenTheMailServerAndItsRecordIsSentAgainWithTheSameMessageId() {
        Member cat = f.member("cat");
        mailing.watching().watchThread(as(cat), opening.threadId(), true);
        mailing.posts().reply(as(bob), opening.threadId(), "one");
        dieAfterSending.set(true);
        StoredEvent created = lastPostCreated();
        assertThatThrownBy(() -> redeliver(created)).isInstanceOf(SimulatedCrash.class);
        assertThat(mailer.sent()).hasSize(1);
        SentEmail first = mailer.sent().get(0);

        dieAfterSending.set(false);
        redeliver(created);
        redeliver(created);

        assertThat(mailer.sent()).hasSize(3);
        SentEmail again = mailer.sent().stream().filter(e -> e.email().to().equals(first.email().to())).skip(1)
                .findFirst().orElseThrow();
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(List.of(to(ann).size(), to(cat).size())).containsExactlyInAnyOrder(2, 1);
    }

    @Test
    void boardWatchersWithEmailHearOfNewThreads() {
        Member cat = f.member("cat");
        mailing.watching().watchBoard(as(cat), f.board().id(), false, true);
        mailing.threads().start(as(bob), f.board().id(), "Osaka", "Street food");
        mailing.outbox().drain();

        assertThat(to(cat)).hasSize(1);
        assertThat(to(cat).get(0).email().subject()).isEqualTo("bob started the thread \"Osaka\"");
    }

    @Test
    void theMailConsumerWritesTheAlertsOfAnEventTheAlertsConsumerHasNotReachedYet() {
        mailing.posts().reply(as(bob), opening.threadId(), "not yet fanned out");
        redeliver(lastPostCreated());

        assertThat(to(ann)).hasSize(1);
        assertThat(mailing.alerts().unreadCount(as(ann))).isEqualTo(1);
        mailing.outbox().drain(); // the alerts consumer gets there: nothing more
        assertThat(mailing.alerts().unreadCount(as(ann))).isEqualTo(1);
    }

    @Test
    void unsubscribeLinksArePrunedWithTheOutboxOnceTheirRetentionHasPassed() {
        reply(bob, "one");
        String token = unsubscribeToken(to(ann).get(0));
        clock.advance(java.time.Duration.ofDays(89));
        mailing.outbox().prune();
        assertThat(mailing.emailNotifications().describe(token)).as("kept for 90 days").isPresent();

        clock.advance(java.time.Duration.ofDays(2));
        mailing.outbox().prune();
        assertThat(mailing.emailNotifications().describe(token)).isEmpty();
        assertThat(mailing.emailNotifications().unsubscribe(token)).isFalse();
    }
}
