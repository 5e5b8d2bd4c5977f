package dev.forumkit.core.event;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.ManualClock;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.storage.ForumStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A consumer recording its position less often (the Lucene index's: a durable commit per interval): it goes on from
 * what it handled, makes its effects durable right before each record, and a crash delivers again what it handled
 * since; drain and close record at once.
 */
class RecordingEveryConsumerTest {
    private static final Duration LEASE_RUNS_OUT = DurableConsumer.LEASE.plusSeconds(1);
    private final ForumStorage storage = new InMemoryForumStorage();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final List<Forum> nodes = new ArrayList<>();
    private final Forum setup = node();
    private final Member admin = setup.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password"));
    private final Category category = setup.boards().createCategory(Actor.member(admin.id()), "General", "");
    private final Board board = setup.boards().createBoard(Actor.member(admin.id()), category.id(), "Cycling", "", "");
    /** Positions handled, and how many were durable (committed) when each record was made. */
    private final List<Long> handled = new CopyOnWriteArrayList<>();
    private final List<Long> durable = new CopyOnWriteArrayList<>();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicBoolean commitsFail = new AtomicBoolean();

    @AfterEach
    void close() {
        nodes.forEach(Forum::close);
    }

    private Forum node() {
        Forum f = Forum.create(storage, c -> c.clock(clock).passwordHasher(new Pbkdf2PasswordHasher(1_000))
                .viewFlushInterval(Duration.ZERO).outboxPollInterval(Duration.ZERO));
        nodes.add(f);
        return f;
    }

    /** Its effects are buffered until {@code beforeRecording} makes them durable, as a Lucene index's writes. */
    private EventConsumer indexer(Duration every) {
        return EventConsumer.withOutsideEffects("indexer", d -> handled.add(d.position()), () -> {
            if (commitsFail.get()) {
                throw new IllegalStateException("the disk is gone");
            }
            commits.incrementAndGet();
            durable.clear();
            durable.addAll(handled);
        }).recordingEvery(every);
    }

    private void threads(int n) {
        for (int i = 0; i < n; i++) {
            setup.threads().start(Actor.member(admin.id()), board.id(), "Thread " + i, "Body " + i);
        }
    }

    private long stored() {
        return storage.eventLog().consumer("indexer").orElseThrow().position();
    }

    private List<Long> range(long fromExclusive, long toInclusive) {
        return LongStream.rangeClosed(fromExclusive + 1, toInclusive).boxed().toList();
    }

    @Test
    void itGoesOnFromWhatItHandledWithoutRecordingUntilDueAndACrashDeliversAgainFromTheLastRecord() {
        Forum dying = node();
        long start = storage.eventLog().head();
        dying.outbox().register(indexer(Duration.ofHours(1)));
        threads(2);
        dying.outbox().deliverRound(false);
        long first = storage.eventLog().head();
        threads(1);
        dying.outbox().deliverRound(false);
        dying.outbox().deliverRound(false);

        assertThat(handled).as("each event once, the second batch after the first").containsExactlyElementsOf(range(start, storage.eventLog().head()));
        assertThat(first).isGreaterThan(start);
        assertThat(commits).as("nothing made durable yet").hasValue(0);
        assertThat(stored()).as("nothing recorded yet").isEqualTo(start);

        // kill -9: the dying node's runner and buffered effects are gone, nothing more runs there
        handled.clear();
        Forum restarted = node();
        restarted.outbox().register(indexer(Duration.ofHours(1)));
        clock.advance(LEASE_RUNS_OUT);
        restarted.outbox().drain();
        assertThat(handled).as("delivered again from the last record").containsExactlyElementsOf(range(start, storage.eventLog().head()));
        assertThat(stored()).as("drain records").isEqualTo(storage.eventLog().head());
        assertThat(durable).as("made durable before recorded").containsExactlyElementsOf(handled);
        nodes.remove(dying); // a killed node never closes
    }

    @Test
    void onceDueItMakesItsEffectsDurableThenRecordsAndClosingRecordsTheRest() throws Exception {
        Forum node = node();
        long start = storage.eventLog().head();
        node.outbox().register(indexer(Duration.ofMillis(1)));
        threads(1);
        Thread.sleep(5); // past the interval since the consumer started
        node.outbox().deliverRound(false);
        assertThat(stored()).as("due: recorded after the batch").isEqualTo(storage.eventLog().head());
        assertThat(durable).containsExactlyElementsOf(range(start, stored()));

        Forum other = node();
        other.outbox().register(indexer(Duration.ofHours(1)));
        long before = storage.eventLog().head();
        threads(1);
        node.close();
        nodes.remove(node);
        assertThat(stored()).as("nothing handled since: nothing to record").isEqualTo(before);
        other.outbox().deliverRound(false); // the lease was given back: at once
        assertThat(stored()).as("handled, not due").isEqualTo(before);
        other.close();
        nodes.remove(other);
        assertThat(stored()).as("closing records").isEqualTo(storage.eventLog().head());
        assertThat(durable).containsExactlyElementsOf(range(start, stored()));
    }

    @Test
    void whenTheEffectsCannotBeMadeDurableThePositionStaysAndTheEventsComeAgain() {
        Forum node = node();
        long start = storage.eventLog().head();
        node.outbox().register(indexer(Duration.ofHours(1)));
        threads(1);
        node.outbox().deliverRound(false);
        commitsFail.set(true);
        node.outbox().drain(); // the record fails: the consumer backs off
        assertThat(stored()).isEqualTo(start);
        assertThat(node.outbox().status().consumers()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("indexer");
            assertThat(s.failures()).isEqualTo(1);
        });
        commitsFail.set(false);
        handled.clear();
        clock.advance(DurableConsumer.FIRST_RETRY);
        node.outbox().drain();
        assertThat(handled).as("delivered again").containsExactlyElementsOf(range(start, storage.eventLog().head()));
        assertThat(stored()).isEqualTo(storage.eventLog().head());
    }

    @Test
    void onlyAConsumerWithOutsideEffectsRecordsLessOften() {
        assertThatThrownBy(() -> EventConsumer.inStorage("x", d -> { }).recordingEvery(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside effects");
        assertThatThrownBy(() -> EventConsumer.withOutsideEffects("x", d -> { }).recordingEvery(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
