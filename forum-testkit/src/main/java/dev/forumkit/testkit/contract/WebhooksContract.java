package dev.forumkit.testkit.contract;

import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.webhook.Webhook;
import dev.forumkit.core.webhook.WebhookDelivery;
import dev.forumkit.core.webhook.WebhookSettings;
import dev.forumkit.core.webhook.WebhookSignature;
import dev.forumkit.testkit.StartedThread;
import dev.forumkit.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhooks through the service on the storage under test, posting to a real receiver on loopback (private addresses
 * allowed here): one delivery per event and webhook however often the outbox hands the event over, signed bodies,
 * retries with backoff after 500s, disabling after failures in a row, redelivery, and the delivery log.
 */
public abstract class WebhooksContract extends ContractBase {
    private WebhookReceiver receiver;

    @Override
    protected void configure(ForumConfig config) {
        config.webhooks(WebhookSettings.DEFAULTS.allowingPrivateAddresses(true).withDisableAfter(3));
    }

    @BeforeEach
    void receiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** Subscribes once the events so far are handled, so only later ones are delivered. */
    private Webhook subscribe(String... events) {
        fx();
        forum.outbox().drain();
        return forum.webhooks().create(actor(fx().admin()), receiver.url("/hook"), List.of(events));
    }

    /**
     * A new thread by {@code author}, its delivery tried three times: at once and at the backoff's 10 s and 30 s, the
     * receiver answering with {@code statuses} in turn (200 once they are used up).
     */
    private void threadDeliveredThreeTimes(Member author, Integer... statuses) {
        receiver.answering(statuses);
        fx().thread().by(author).start();
        forum.outbox().drain();
        forum.webhooks().deliverDue();
        clock.advanceSeconds(10);
        forum.webhooks().deliverDue();
        clock.advanceSeconds(20);
        forum.webhooks().deliverDue();
    }

    @Test
    void aNewPostIsDeliveredOnceSignedWithTheEventIdAndType() {
        Member ann = fx().member("ann");
        Webhook hook = subscribe("post.created", "thread.created");
        StartedThread t = fx().thread().by(ann).withReplies(1, ann).start();
        forum.outbox().drain();
        forum.outbox().drain();

        assertThat(forum.webhooks().deliverDue()).isEqualTo(3); // the thread, its first post, the reply
        assertThat(forum.webhooks().deliverDue()).isZero();
        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(got).extracting(r -> r.header("X-Forumkit-Event"))
                .containsExactly("thread.created", "post.created", "post.created");
        WebhookReceiver.Received reply = got.get(2);
        long ts = Long.parseLong(reply.header(WebhookSignature.TIMESTAMP_HEADER));
        assertThat(ts).isEqualTo(clock.instant().getEpochSecond());
        assertThat(WebhookSignature.matches(hook.secret(), ts, reply.body(), reply.header(WebhookSignature.HEADER))).isTrue();
        assertThat(WebhookSignature.matches("whsec_other", ts, reply.body(), reply.header(WebhookSignature.HEADER))).isFalse();
        assertThat(reply.body()).startsWith("{\"id\":\"" + reply.header("X-Forumkit-Delivery") + "\",\"type\":\"post.created\"")
                .contains("\"post\":" + t.post(2).id().value()).contains("\"number\":2").contains("\"author\":" + ann.id().value());
        assertThat(reply.header("Content-Type")).startsWith("application/json");

        List<WebhookDelivery> log = forum.webhooks().deliveries(actor(fx().admin()), hook.id(), 10);
        assertThat(log).hasSize(3).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastStatus()).isEqualTo(200);
            assertThat(d.lastMillis()).isNotNull();
        });
    }

    @Test
    void writingADeliveryTwiceStoresItOnce() {
        Webhook hook = subscribe("post.created");
        WebhookDelivery d = WebhookDelivery.pending(hook.id(), 7, "forumkit-event-7", "post.created", "{}", clock.instant());
        assertThat(tx(() -> storage.webhooks().addDelivery(d))).isTrue();
        assertThat(tx(() -> storage.webhooks().addDelivery(d))).isFalse();
        assertThat(read(() -> storage.webhooks().deliveries(hook.id(), 10))).hasSize(1);
        WebhookDelivery stored = read(() -> storage.webhooks().due(clock.instant(), 10)).get(0);
        assertThat(tx(() -> storage.webhooks().claim(stored.id(), stored.nextAttemptAt(), clock.instant().plusSeconds(60)))).isTrue();
        assertThat(tx(() -> storage.webhooks().claim(stored.id(), stored.nextAttemptAt(), clock.instant().plusSeconds(60)))).isFalse();
        assertThat(read(() -> storage.webhooks().due(clock.instant(), 10))).isEmpty();
    }

    @Test
    void aWebhookTheForumDisablesAlertsEveryAdminWithALinkAndNobodyElse() {
        Member ann = fx().member("ann");
        Member root = fx().member("root", dev.forumkit.core.member.Role.ADMIN);
        Webhook hook = subscribe("post.created");
        Webhook byHand = forum.webhooks().create(actor(fx().admin()), receiver.url("/other"), List.of("member.registered"));
        forum.webhooks().update(actor(fx().admin()), byHand.id(), null, null, false); // an admin's choice: no alert
        threadDeliveredThreeTimes(ann, 500, 500, 500);
        assertThat(forum.webhooks().get(actor(root), hook.id()).active()).isFalse();
        forum.outbox().drain();
        forum.outbox().drain();

        for (Member admin : List.of(fx().admin(), root)) {
            assertThat(forum.alerts().list(actor(admin), 1).items())
                    .filteredOn(a -> a.kind() == dev.forumkit.core.alert.AlertKind.WEBHOOK_DISABLED).singleElement()
                    .satisfies(a -> {
                        assertThat(a.webhook()).isEqualTo(hook.id());
                        assertThat(a.webhookUrl()).isEqualTo(hook.url());
                        assertThat(a.thread()).isNull();
                        assertThat(a.latestActor()).isNull();
                        assertThat(a.detail()).isEqualTo("3");
                        assertThat(a.contentVisible()).isTrue();
                    });
        }
        for (Member other : List.of(ann, fx().moderator())) {
            assertThat(forum.alerts().list(actor(other), 1).items())
                    .noneMatch(a -> a.kind() == dev.forumkit.core.alert.AlertKind.WEBHOOK_DISABLED);
        }
        assertThat(forum.alerts().unreadCount(actor(root))).isEqualTo(1);

        forum.webhooks().remove(actor(fx().admin()), hook.id());
        assertThat(forum.alerts().list(actor(root), 1).items()).singleElement().satisfies(a -> {
            assertThat(a.contentVisible()).as("a removed webhook is linked no more").isFalse();
            assertThat(a.webhookUrl()).isNull();
        });
        forum.members().changeRole(actor(fx().admin()), root.id(), dev.forumkit.core.member.Role.MEMBER);
        assertThat(forum.alerts().list(actor(root), 1).items()).singleElement()
                .satisfies(a -> assertThat(a.contentVisible()).isFalse());
    }

    @Test
    void a500IsRetriedWithBackoffAndTheWebhookIsDisabledAfterFailuresInARow() {
        Member ann = fx().member("ann");
        Webhook hook = subscribe("post.created");
        receiver.answering(500);
        fx().thread().by(ann).start();
        forum.outbox().drain();

        assertThat(forum.webhooks().deliverDue()).isEqualTo(1);
        WebhookDelivery failed = forum.webhooks().deliveries(actor(fx().admin()), hook.id(), 1).get(0);
        assertThat(failed.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(failed.lastStatus()).isEqualTo(500);
        assertThat(failed.lastError()).isEqualTo("HTTP 500");
        assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(10)));
        assertThat(forum.webhooks().deliverDue()).isZero(); // not yet due
        clock.advanceSeconds(10);
        assertThat(forum.webhooks().deliverDue()).isEqualTo(1);
        WebhookDelivery ok = forum.webhooks().deliveries(actor(fx().admin()), hook.id(), 1).get(0);
        assertThat(ok.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(ok.attempts()).isEqualTo(2);
        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(0).body()).isEqualTo(receiver.received().get(1).body());

        threadDeliveredThreeTimes(ann, 500, 503, 500, 500);
        Webhook disabled = forum.webhooks().get(actor(fx().admin()), hook.id());
        assertThat(disabled.active()).isFalse();
        assertThat(disabled.disabledReason()).contains("3 failed attempts").contains("HTTP 500");
        clock.advance(Duration.ofHours(1));
        assertThat(forum.webhooks().deliverDue()).isZero(); // a disabled webhook gets nothing

        Webhook again = forum.webhooks().update(actor(fx().admin()), hook.id(), null, null, true);
        assertThat(again.active()).isTrue();
        assertThat(again.failures()).isZero();
        assertThat(forum.webhooks().deliverDue()).isEqualTo(1); // 500 once more, then 200s
        clock.advance(Duration.ofMinutes(5));
        assertThat(forum.webhooks().deliverDue()).isEqualTo(1);
        assertThat(forum.webhooks().deliveries(actor(fx().admin()), hook.id(), 1).get(0).status())
                .isEqualTo(WebhookDelivery.Status.DELIVERED);
    }

    @Test
    void aDeliveryIsGivenUpAfterADayAndCanBeSentAgainByHand() {
        Member ann = fx().member("ann");
        Webhook hook = subscribe("member.registered");
        receiver.answering(500);
        fx().member("bob");
        forum.outbox().drain();
        forum.webhooks().deliverDue();
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        receiver.answering(500);
        forum.webhooks().deliverDue();
        WebhookDelivery gaveUp = forum.webhooks().deliveries(actor(fx().admin()), hook.id(), 1).get(0);
        assertThat(gaveUp.status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(forum.webhooks().deliverDue()).isZero();

        WebhookDelivery queued = forum.webhooks().redeliver(actor(fx().admin()), hook.id(), gaveUp.id());
        assertThat(queued.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(forum.webhooks().deliverDue()).isEqualTo(1);
        WebhookDelivery sent = forum.webhooks().deliveries(actor(fx().admin()), hook.id(), 1).get(0);
        assertThat(sent.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::body).containsOnly(gaveUp.payload());
        assertThat(ann).isNotNull();
    }

    @Test
    void onlyAdminsManageWebhooksAndBadSubscriptionsNameTheirFields() {
        Member ann = fx().member("ann");
        assertThatThrownBy(() -> forum.webhooks().create(actor(ann), receiver.url("/"), List.of("post.created")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.webhooks().create(actor(fx().admin()), "ftp://example.org/", List.of("post.eaten")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .extracting(InvalidInputException.FieldError::field).containsExactlyInAnyOrder("url", "events"));
        Webhook hook = subscribe("post.created");
        forum.webhooks().remove(actor(fx().admin()), hook.id());
        assertThat(forum.webhooks().list(actor(fx().admin()))).isEmpty();
    }
}
