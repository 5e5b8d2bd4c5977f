package dev.forumkit.testkit.contract;

import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.event.BatchPlan;
import dev.forumkit.core.event.EventConsumer;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.event.EventHandler;
import dev.forumkit.core.member.Member;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Durable outbox consumers: their position is stored, so a new forum (a restart, another node) goes on from it; a
 * lease makes several forums on one storage handle each event once per consumer; an outside-effect consumer gets an
 * event again after a crash between handling and recording, with the same idempotency key; failures back off.
 */
public abstract class OutboxConsumersContract extends ContractBase {
    /** Longer than the lease a forum takes on a consumer (30 s). */
    private static final Duration LEASE_RUNS_OUT = Duration.ofSeconds(31);
    private final List<Forum> nodes = new ArrayList<>();
    private Member alice;
    private StartedThread t;

    /** What a process dying mid-delivery looks like to the outbox: an error it does not catch. */
    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    @BeforeEach
    void content() {
        alice = fx().member("alice");
        t = fx().thread().by(alice).start();
    }

    @AfterEach
    void closeNodes() {
        nodes.forEach(Forum::close);
    }

    /** Another forum over the same storage: a restarted server, or another node. */
    private Forum node(EventConsumer... consumers) {
        Forum f = ForumFixture.forum(storage, clock, c -> {
            for (EventConsumer consumer : consumers) {
                c.consumer(consumer);
            }
        });
        nodes.add(f);
        return f;
    }

    private void replies(int n) {
        for (int i = 0; i < n; i++) {
            fx().reply(alice, t.id());
        }
    }

    private long head() {
        return storage.eventLog().head();
    }

    private List<Long> range(long fromExclusive, long toInclusive) {
        return LongStream.rangeClosed(fromExclusive + 1, toInclusive).boxed().toList();
    }

    @Test
    void aNewConsumerStartsAtTheHeadAndARestartGoesOnFromTheStoredPosition() {
        List<Long> handled = new CopyOnWriteArrayList<>();
        EventConsumer audit = EventConsumer.inStorage("audit", d -> handled.add(d.position()));
        long registeredAt = head();
        Forum first = node(audit);
        replies(2);
        first.outbox().drain();
        assertThat(handled).containsExactlyElementsOf(range(registeredAt, registeredAt + 2));
        first.close();

        replies(3); // while no node runs the consumer
        Forum restarted = node(audit);
        restarted.outbox().drain();

        assertThat(handled).containsExactlyElementsOf(range(registeredAt, head()));
        assertThat(storage.eventLog().consumer("audit").orElseThrow().position()).isEqualTo(head());
    }

    /** Two nodes, one storage consumer: every event takes effect once in storage, also when the lease moves. */
    @Test
    void concurrentNodesHandleEachEventOnceForAStorageConsumer() {
        EventHandler index = d -> storage.categories().add(Category.withoutId("seen-" + d.position(), "", 0));
        long start = head();
        Forum a = node(EventConsumer.inStorage("indexer", index));
        Forum b = node(EventConsumer.inStorage("indexer", index));
        replies(12);
        Concurrently.run(2, i -> {
            Forum f = i == 0 ? a : b;
            for (int round = 0; round < 5; round++) {
                f.outbox().drain();
            }
            return null;
        });
        clock.advance(LEASE_RUNS_OUT); // whoever held the lease stopped renewing it: the other may take over
        replies(12);
        Concurrently.run(2, i -> {
            Forum f = i == 0 ? b : a;
            for (int round = 0; round < 5; round++) {
                f.outbox().drain();
            }
            return null;
        });
        a.outbox().drain();
        b.outbox().drain();

        List<Long> seen = read(() -> storage.categories().all()).stream().map(Category::title)
                .filter(title -> title.startsWith("seen-")).map(title -> Long.parseLong(title.substring(5))).sorted().toList();
        assertThat(seen).containsExactlyElementsOf(range(start, head()));
        assertThat(storage.eventLog().consumer("indexer").orElseThrow().position()).isEqualTo(head());
    }

    @Test
    void aNodeLeavesAConsumerLeasedToAnotherAlone() {
        List<String> byA = new CopyOnWriteArrayList<>();
        List<String> byB = new CopyOnWriteArrayList<>();
        Forum a = node(EventConsumer.withOutsideEffects("webhook", d -> byA.add(d.idempotencyKey())));
        Forum b = node(EventConsumer.withOutsideEffects("webhook", d -> byB.add(d.idempotencyKey())));
        replies(1);
        a.outbox().drain();
        replies(1);
        b.outbox().drain();

        assertThat(byA).hasSize(1);
        assertThat(byB).isEmpty();
        a.close(); // a stopping node gives its lease back: the other goes on at once
        b.outbox().drain();
        assertThat(byB).hasSize(1).doesNotContainAnyElementsOf(byA);
    }

    /** A crash after the e-mail went out but before its position was recorded: sent again, under the same key. */
    @Test
    void anOutsideEffectIsRedeliveredWithTheSameKeyAfterACrashBeforeItsPositionWasRecorded() {
        List<String> sent = new CopyOnWriteArrayList<>();
        AtomicBoolean crash = new AtomicBoolean(true);
        EventConsumer mailer = EventConsumer.withOutsideEffects("mailer", d -> {
            sent.add(d.idempotencyKey());
            if (crash.get()) {
                throw new SimulatedCrash();
            }
        });
        long start = head();
        Forum dying = node(mailer);
        replies(1);
        assertThatThrownBy(dying.outbox()::drain).isInstanceOf(SimulatedCrash.class);
        assertThat(sent).containsExactly("forumkit-event-" + (start + 1));

        crash.set(false);
        Forum restarted = node(mailer);
        restarted.outbox().drain();
        assertThat(sent).as("the dead node's lease has not run out yet").hasSize(1);

        clock.advance(LEASE_RUNS_OUT);
        restarted.outbox().drain();
        assertThat(sent).containsExactly("forumkit-event-" + (start + 1), "forumkit-event-" + (start + 1));
        assertThat(storage.eventLog().consumer("mailer").orElseThrow().position()).isEqualTo(head());
    }

    /**
     * A consumer that records its position at once after the events it names: a node that dies in the next event
     * (here: hangs in it and is given up, so that nothing it would do on the way out runs) leaves only that event to
     * redeliver.
     */
    @Test
    void anOutsideConsumerRecordsItsPositionAtOnceAfterTheEventsItNames() throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        CountDownLatch hung = new CountDownLatch(1);
        AtomicBoolean dying = new AtomicBoolean(true);
        long start = head();
        EventConsumer resets = EventConsumer.withOutsideEffects("resets", d -> {
            sent.add(d.idempotencyKey());
            if (dying.get() && d.position() == start + 2) {
                try {
                    hung.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new SimulatedCrash();
            }
        }).recordingAfter(e -> e instanceof dev.forumkit.core.event.ForumEvent.PostCreated);
        Forum dead = node(resets);
        replies(2);
        Thread running = new Thread(() -> {
            try {
                dead.outbox().drain();
            } catch (SimulatedCrash expected) {
                // the dead node's end, once the test lets it go
            }
        }, "dying-node");
        running.start();
        try {
            for (int i = 0; i < 1_000 && sent.size() < 2; i++) {
                Thread.sleep(10);
            }
            assertThat(sent).hasSize(2);
            dying.set(false);
            Forum restarted = node(resets);
            clock.advance(LEASE_RUNS_OUT);
            restarted.outbox().drain();

            assertThat(sent).containsExactly("forumkit-event-" + (start + 1), "forumkit-event-" + (start + 2),
                    "forumkit-event-" + (start + 2));
        } finally {
            hung.countDown();
            running.join(10_000);
        }
    }

    @Test
    void aFailingConsumerBacksOffExponentiallyWithoutHoldingUpOthersOrTheWritePath() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean broken = new AtomicBoolean(true);
        List<Long> steady = new CopyOnWriteArrayList<>();
        forum.outbox().register(EventConsumer.withOutsideEffects("flaky", d -> {
            attempts.incrementAndGet();
            if (broken.get()) {
                throw new IllegalStateException("remote down");
            }
        }));
        forum.outbox().register(EventConsumer.inStorage("steady", d -> steady.add(d.position())));
        long start = head();
        replies(1);
        forum.outbox().drain();
        assertThat(attempts).hasValue(1);
        assertThat(steady).containsExactly(start + 1);

        replies(1); // commands go on while a consumer fails
        forum.outbox().drain();
        assertThat(attempts).as("backing off for 1 s").hasValue(1);
        assertThat(steady).containsExactly(start + 1, start + 2);

        clock.advanceSeconds(1);
        forum.outbox().drain();
        assertThat(attempts).hasValue(2);
        clock.advanceSeconds(1);
        forum.outbox().drain();
        assertThat(attempts).as("now backing off for 2 s").hasValue(2);
        clock.advanceSeconds(1);
        forum.outbox().drain();
        assertThat(attempts).hasValue(3);

        broken.set(false);
        clock.advanceSeconds(4);
        forum.outbox().drain();
        assertThat(attempts).as("both events, in one go").hasValue(5);
        assertThat(forum.outbox().status().consumer("flaky").lag()).isZero();
    }

    /**
     * A consumer that plans its batch and writes it in steps: each step is a transaction of its own, the position moves
     * with the last one only, and a batch that fails part-way is planned and written again whole (its steps must add
     * nothing the second time; the alerts consumer's do not).
     */
    @Test
    void aPlanningConsumerWritesStepsInTransactionsOfTheirOwnAndMovesItsPositionWithTheLast() {
        List<List<Long>> planned = new CopyOnWriteArrayList<>();
        List<Long> positionDuringSteps = new CopyOnWriteArrayList<>();
        AtomicBoolean crash = new AtomicBoolean(true);
        long start = head();
        forum.outbox().register(EventConsumer.inStorageInSteps("chunked", batch -> {
            planned.add(batch.stream().map(EventDelivery::position).toList());
            Runnable step = () -> positionDuringSteps.add(storage.eventLog().consumer("chunked").orElseThrow().position());
            return new BatchPlan(List.of(step, step, () -> {
                step.run();
                if (crash.getAndSet(false)) {
                    throw new IllegalStateException("failed before the last step committed");
                }
            }), false);
        }));
        replies(3);
        forum.outbox().drain();
        assertThat(planned).containsExactly(range(start, start + 3));
        assertThat(storage.eventLog().consumer("chunked").orElseThrow().position()).isEqualTo(start);

        clock.advanceSeconds(1); // the retry after the failure
        forum.outbox().drain();

        assertThat(planned).containsExactly(range(start, start + 3), range(start, start + 3));
        assertThat(positionDuringSteps).hasSize(6).containsOnly(start);
        assertThat(storage.eventLog().consumer("chunked").orElseThrow().position()).isEqualTo(head());
        assertThatThrownBy(() -> EventConsumer.withOutsideEffects("x", d -> { }).following("x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConsumerFollowingAnotherNeverHandlesAnEventTheOtherHasNotHandled() {
        AtomicBoolean leaderDown = new AtomicBoolean(true);
        List<Long> led = new CopyOnWriteArrayList<>();
        List<Long> followed = new CopyOnWriteArrayList<>();
        forum.outbox().register(EventConsumer.withOutsideEffects("follower", d -> {
            assertThat(led).contains(d.position());
            followed.add(d.position());
        }).following("leader"));
        forum.outbox().register(EventConsumer.withOutsideEffects("leader", d -> {
            if (leaderDown.get()) {
                throw new IllegalStateException("leader down");
            }
            led.add(d.position());
        }));
        long start = head();
        replies(2);
        forum.outbox().drain();
        assertThat(followed).isEmpty();

        leaderDown.set(false);
        clock.advanceSeconds(1);
        forum.outbox().drain();

        assertThat(led).containsExactlyElementsOf(range(start, start + 2));
        assertThat(followed).containsExactlyElementsOf(range(start, start + 2));
        assertThat(forum.outbox().status().consumer("follower").lag()).isZero();
    }

    @Test
    void consumerNamesAreCheckedAndRegisteredOncePerNode() {
        forum.outbox().register(EventConsumer.inStorage("once", d -> { }));
        assertThatThrownBy(() -> forum.outbox().register(EventConsumer.inStorage("once", d -> { })))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventConsumer.inStorage("Not a name!", d -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThat(storage.eventLog().consumers()).extracting(c -> c.name()).contains("once");
    }
}
