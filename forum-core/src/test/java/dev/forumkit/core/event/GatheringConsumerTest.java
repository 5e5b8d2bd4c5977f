package dev.forumkit.core.event;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A gathering consumer (the search index's): after a batch smaller than its limit the outbox's thread leaves it alone
 * for a while, so later events share one batch; other consumers, a backlog and {@code drain()} do not wait.
 */
class GatheringConsumerTest {
    private final ForumStorage storage = new InMemoryForumStorage();
    private final Forum forum = Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000))
            .viewFlushInterval(Duration.ZERO).outboxPollInterval(Duration.ZERO));
    private final Member admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password"));
    private final Category category = forum.boards().createCategory(Actor.member(admin.id()), "General", "");
    private final Board board = forum.boards().createBoard(Actor.member(admin.id()), category.id(), "Cycling", "", "");
    private final List<Long> gathered = new CopyOnWriteArrayList<>();
    private final List<Long> plain = new CopyOnWriteArrayList<>();
    private final Outbox outbox = forum.outbox();

    @AfterEach
    void close() {
        forum.close();
    }

    private long registerBoth() {
        long start = storage.eventLog().head();
        outbox.register(EventConsumer.withOutsideEffects("gatherer", d -> gathered.add(d.position()))
                .gathering(Duration.ofHours(1)));
        outbox.register(EventConsumer.inStorage("plain", d -> plain.add(d.position())));
        return start;
    }

    private void threads(int n) {
        for (int i = 0; i < n; i++) {
            forum.threads().start(Actor.member(admin.id()), board.id(), "Thread " + i, "Body " + i);
        }
    }

    private List<Long> upToHead(long fromExclusive) {
        return LongStream.rangeClosed(fromExclusive + 1, storage.eventLog().head()).boxed().toList();
    }

    @Test
    void afterASmallBatchTheOutboxThreadLeavesItAloneButNotTheOtherConsumersNorDrain() {
        long start = registerBoth();
        threads(1);
        outbox.deliverRound(false);
        assertThat(gathered).isNotEmpty().containsExactlyElementsOf(upToHead(start));
        assertThat(outbox.nanosUntilDue()).as("gathering").isPositive();

        long before = storage.eventLog().head();
        threads(2);
        outbox.deliverRound(false);
        assertThat(plain).containsExactlyElementsOf(upToHead(start));
        assertThat(gathered).as("paused").containsExactlyElementsOf(LongStream.rangeClosed(start + 1, before).boxed().toList());

        outbox.drain(); // tests and shutdown do not wait for the pause
        assertThat(gathered).containsExactlyElementsOf(upToHead(start));
    }

    @Test
    void aBacklogIsWorkedThroughWithoutPausesAndTheLastSmallBatchPausesAgain() {
        long start = registerBoth();
        threads(1);
        outbox.deliverRound(false);
        int first = gathered.size();
        assertThat(outbox.nanosUntilDue()).isPositive();
        while (storage.eventLog().head() - start - first <= DurableConsumer.BATCH) {
            threads(1); // until a little more than a batch waits
        }
        outbox.deliverRound(true); // as if the pause were over: a full batch
        assertThat(gathered).hasSize(first + DurableConsumer.BATCH);
        assertThat(outbox.nanosUntilDue()).as("a full batch does not pause").isZero();
        outbox.deliverRound(false);
        assertThat(gathered).containsExactlyElementsOf(upToHead(start));
        assertThat(outbox.nanosUntilDue()).as("the rest was a small batch").isPositive();
    }

    @Test
    void aNegativeGatheringIsRefused() {
        assertThatThrownBy(() -> EventConsumer.inStorage("x", d -> { }).gathering(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
