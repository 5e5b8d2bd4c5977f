package dev.forumkit.testkit.contract;

import dev.forumkit.core.Forum;
import dev.forumkit.core.ForumException;
import dev.forumkit.core.event.EventCodec;
import dev.forumkit.core.event.EventConsumer;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.event.Outbox;
import dev.forumkit.core.event.OutboxStatus;
import dev.forumkit.core.event.StoredEvent;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event outbox: events stored with their change, in order, with positions that become visible in commit order;
 * nothing delivered before the outermost transaction commits; lag visible; pruning behind every consumer.
 */
public abstract class OutboxContract extends ContractBase {
    private Member alice;
    private Member bob;
    private StartedThread t;

    /** Thrown to roll a test's outer transaction back. */
    private static final class RolledBack extends RuntimeException {
    }

    @BeforeEach
    void content() {
        alice = fx().member("alice");
        bob = fx().member("bob");
        t = fx().thread().by(alice).withReplies(1, bob).start();
        forum.outbox().drain();
    }

    private long head() {
        return storage.eventLog().head();
    }

    private List<StoredEvent> eventsAfter(long position) {
        return storage.eventLog().after(position, 1_000);
    }

    @Test
    void eachCommandStoresItsEventsInOrderAtTheNextPositions() {
        long start = head();
        Post first = forum.threads().start(actor(bob), fx().board().id(), "Stored", "body");
        Post reply = fx().reply(alice, first.threadId());

        List<StoredEvent> stored = eventsAfter(start);
        assertThat(stored).extracting(StoredEvent::position).containsExactly(start + 1, start + 2, start + 3);
        assertThat(stored).extracting(e -> EventCodec.decode(e.event())).containsExactly(
                new ForumEvent.ThreadStarted(first.threadId(), fx().board().id(), first.id(), bob.id(), first.createdAt()),
                new ForumEvent.PostCreated(first.id(), first.threadId(), 1, bob.id(), first.createdAt()),
                new ForumEvent.PostCreated(reply.id(), first.threadId(), 2, alice.id(), reply.createdAt()));
        assertThat(stored).extracting(StoredEvent::createdAt).containsOnly(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(head()).isEqualTo(start + 3);
        assertThat(eventsAfter(start + 1)).extracting(StoredEvent::position).containsExactly(start + 2, start + 3);
        assertThat(storage.eventLog().after(start, 2)).hasSize(2);
    }

    @Test
    void aChangeThatRollsBackLeavesNoEventAndNoGap() {
        long start = head();
        assertThatThrownBy(() -> txRun(() -> {
            fx().reply(bob, t.id());
            assertThat(storage.eventLog().after(start, 10)).as("the transaction sees its own event").hasSize(1);
            throw new RolledBack();
        })).isInstanceOf(RolledBack.class);
        forum.threads().lock(actor(fx().moderator()), t.id(), true);
        assertThatThrownBy(() -> fx().reply(bob, t.id())).isInstanceOf(ForumException.class);

        assertThat(eventsAfter(start)).extracting(StoredEvent::position).containsExactly(start + 1);
        assertThat(EventCodec.decode(eventsAfter(start).get(0).event())).isInstanceOf(ForumEvent.ThreadLockChanged.class);
        assertThat(head()).isEqualTo(start + 1);
    }

    @Test
    void appendingOutsideAWriteTransactionIsRefused() {
        assertThatThrownBy(() -> storage.eventLog().append(List.of(EventCodec.encode(
                new ForumEvent.PasswordChanged(bob.id(), clock.instant()))), clock.instant()))
                .isInstanceOf(IllegalStateException.class);
    }

    /** The old bug: a command inside a caller's transaction published its events before that transaction ended. */
    @Test
    void nothingIsDeliveredBeforeTheOutermostTransactionCommits() throws Exception {
        List<ForumEvent> seen = new CopyOnWriteArrayList<>();
        forum.subscribe(seen::add);
        ExecutorService elsewhere = Executors.newSingleThreadExecutor();
        try {
            assertThatThrownBy(() -> txRun(() -> {
                fx().reply(bob, t.id());
                drainBriefly(elsewhere); // on another thread: may see only what committed (in memory: waits for it)
                assertThat(seen).as("delivered inside the outer transaction").isEmpty();
                throw new RolledBack();
            })).isInstanceOf(RolledBack.class);
            elsewhere.submit(forum.outbox()::drain).get(1, TimeUnit.MINUTES);
            forum.outbox().drain();
            assertThat(seen).as("delivered although the outer transaction rolled back").isEmpty();

            List<Future<?>> pending = new ArrayList<>();
            Post reply = tx(() -> {
                Post p = fx().reply(bob, t.id());
                pending.add(drainBriefly(elsewhere));
                assertThat(seen).as("delivered inside the outer transaction").isEmpty();
                return p;
            });
            pending.get(0).get(1, TimeUnit.MINUTES);
            forum.outbox().drain();
            assertThat(seen).containsExactly(
                    new ForumEvent.PostCreated(reply.id(), t.id(), reply.number(), bob.id(), reply.createdAt()));
        } finally {
            elsewhere.shutdownNow();
        }
    }

    /** Drains on another thread and waits a little for it; an adapter that blocks readers until commit keeps it waiting. */
    private Future<?> drainBriefly(ExecutorService elsewhere) {
        Future<?> drained = elsewhere.submit(forum.outbox()::drain);
        try {
            drained.get(300, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillBlocked) {
            // fine: it can deliver only after the commit
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return drained;
    }

    /**
     * Positions become visible in commit order: a consumer reading while many commands commit at once never skips a
     * position that commits late (the sequence bug), and sees each exactly once.
     */
    @Test
    void aConsumerReadingDuringConcurrentCommandsSeesEveryPositionInOrder() {
        List<Long> positions = new CopyOnWriteArrayList<>();
        forum.outbox().register(EventConsumer.withOutsideEffects("ordering", d -> positions.add(d.position())));
        long start = head();
        List<ThreadId> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(fx().thread().by(alice).start().id());
        }
        int writers = 4;
        int replies = 15;
        AtomicInteger done = new AtomicInteger();
        Concurrently.run(writers + 1, i -> {
            if (i == writers) {
                while (done.get() < writers) {
                    forum.outbox().drain();
                }
                return null;
            }
            try {
                for (int n = 0; n < replies; n++) {
                    forum.posts().reply(actor(n % 2 == 0 ? bob : alice), threads.get(i), "reply " + n);
                }
            } finally {
                done.incrementAndGet();
            }
            return null;
        });
        forum.outbox().drain();

        assertThat(head()).isEqualTo(start + 4L * 2 + (long) writers * replies);
        assertThat(positions).containsExactlyElementsOf(LongStream.rangeClosed(start + 1, head()).boxed().toList());
    }

    @Test
    void statusShowsHeadPositionsLagAndTheLastFailure() {
        AtomicBoolean broken = new AtomicBoolean(true);
        forum.outbox().register(EventConsumer.withOutsideEffects("stuck", d -> {
            if (broken.get()) {
                throw new IllegalStateException("mail server down");
            }
        }));
        long start = head();
        fx().reply(bob, t.id());
        fx().reply(alice, t.id());
        clock.advance(Duration.ofMinutes(5));
        forum.outbox().drain();

        OutboxStatus status = forum.outbox().status();
        assertThat(status.head()).isEqualTo(start + 2);
        OutboxStatus.ConsumerStatus stuck = status.consumer("stuck");
        assertThat(stuck.durable()).isTrue();
        assertThat(stuck.position()).isEqualTo(start);
        assertThat(stuck.lag()).isEqualTo(2);
        assertThat(stuck.oldestUndelivered()).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(5).plusSeconds(1));
        assertThat(stuck.failures()).isEqualTo(1);
        assertThat(stuck.lastError()).contains("mail server down");
        assertThat(stuck.retryAt()).isAfter(clock.instant());
        assertThat(stuck.leaseOwner()).isEqualTo(forum.outbox().owner());
        OutboxStatus.ConsumerStatus listeners = status.consumer(Outbox.LISTENERS);
        assertThat(listeners.durable()).isFalse();
        assertThat(listeners.lag()).isZero();
        assertThat(listeners.oldestUndelivered()).isNull();

        broken.set(false);
        clock.advanceSeconds(1);
        forum.outbox().drain();
        OutboxStatus.ConsumerStatus caughtUp = forum.outbox().status().consumer("stuck");
        assertThat(caughtUp.lag()).isZero();
        assertThat(caughtUp.oldestUndelivered()).isNull();
        assertThat(caughtUp.failures()).isZero();
        assertThat(caughtUp.lastError()).isNull();
    }

    @Test
    void pruningDeletesOldEventsThatEveryConsumerHasPassed() {
        AtomicBoolean broken = new AtomicBoolean(true);
        forum.outbox().register(EventConsumer.withOutsideEffects("behind", d -> {
            if (broken.get()) {
                throw new IllegalStateException("not yet");
            }
        }));
        long passed = head();
        fx().reply(bob, t.id());
        fx().reply(alice, t.id());
        long head = head();
        forum.outbox().drain();

        assertThat(forum.outbox().prune()).as("younger than the retention").isZero();
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(forum.outbox().prune()).isEqualTo((int) passed);
        assertThat(eventsAfter(0)).extracting(StoredEvent::position).containsExactly(passed + 1, passed + 2);

        broken.set(false);
        forum.outbox().drain();
        assertThat(forum.outbox().prune()).isEqualTo(2);
        assertThat(eventsAfter(0)).isEmpty();
        assertThat(head()).isEqualTo(head);
        fx().reply(bob, t.id());
        assertThat(eventsAfter(0)).extracting(StoredEvent::position).containsExactly(head + 1);
    }

    @Test
    void theOutboxThreadDeliversAfterCommitWithoutBeingAsked() throws Exception {
        CountDownLatch twoReplies = new CountDownLatch(2);
        CountDownLatch consumed = new CountDownLatch(2);
        try (Forum live = ForumFixture.forum(storage, clock, c -> c.outboxPollInterval(Duration.ofMillis(20))
                .listener(e -> {
                    if (e instanceof ForumEvent.PostCreated) {
                        twoReplies.countDown();
                    }
                })
                .consumer(EventConsumer.inStorage("live", d -> consumed.countDown())))) {
            live.posts().reply(actor(bob), t.id(), "woken by my own commit");
            fx().reply(alice, t.id()); // another forum over the storage, as another node: found by polling

            assertThat(twoReplies.await(1, TimeUnit.MINUTES)).isTrue();
            assertThat(consumed.await(1, TimeUnit.MINUTES)).isTrue();
        }
    }
}
