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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under a steady stream of writes the outbox's thread lets each round's events gather before the next round (as after
 * an idle wait), so a consumer takes them in few batches rather than in rounds back to back of one or two events each;
 * a backlog (a full batch) is worked through at once. Every event is still handled once, in order.
 */
class StreamGatheringTest {
    private final ForumStorage storage = new InMemoryForumStorage();
    private final List<Long> handled = new CopyOnWriteArrayList<>();
    private final AtomicInteger batches = new AtomicInteger();
    private Forum forum;
    private Member admin;
    private Board board;
    private Outbox outbox;

    /** A forum whose outbox thread runs ({@code poll} > 0) or not (rounds by hand). */
    private void forum(Duration poll) {
        forum = Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000))
                .viewFlushInterval(Duration.ZERO).outboxPollInterval(poll));
        admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password"));
        Category category = forum.boards().createCategory(Actor.member(admin.id()), "General", "");
        board = forum.boards().createBoard(Actor.member(admin.id()), category.id(), "Cycling", "", "");
        outbox = forum.outbox();
    }

    @AfterEach
    void close() {
        forum.close();
    }

    private long register(long millisPerBatch) {
        long start = storage.eventLog().head();
        outbox.register(EventConsumer.inStoragePerBatch("counter", batch -> {
            batches.incrementAndGet();
            sleep(millisPerBatch); // a batch's own work: on H2 its reads and its commit through the write gate
            return d -> handled.add(d.position());
        }));
        return start;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSteadyStreamIsHandledInFewBatchesEachEventOnce() {
        forum(Duration.ofSeconds(1));
        long start = register(15);
        int writes = 200;
        for (int i = 0; i < writes; i++) { // about 2 ms apart: several events arrive while a batch is handled
            forum.threads().start(Actor.member(admin.id()), board.id(), "Thread " + i, "Body " + i);
            sleep(2);
        }
        long head = storage.eventLog().head();
        for (int i = 0; i < 1_000 && handled.size() < head - start; i++) {
            sleep(10);
        }
        assertThat(handled).containsExactlyElementsOf(LongStream.rangeClosed(start + 1, head).boxed().toList());
        // rounds back to back (each finding the events of the last 15 ms) took about 30 batches for the 400+ ms of
        // writes; gathering for 100 ms after every round that was not a backlog takes 115+ ms of events per batch
        assertThat(batches.get()).as("batches for %d events", head - start).isLessThanOrEqualTo(12);
    }

    @Test
    void aFullBatchIsABacklogAndASmallOneIsNot() {
        forum(Duration.ZERO);
        long start = register(0);
        while (storage.eventLog().head() - start <= DurableConsumer.BATCH) {
            forum.threads().start(Actor.member(admin.id()), board.id(), "Thread", "Body");
        }
        assertThat(outbox.deliverRound(true)).isTrue();
        assertThat(outbox.backlog()).as("a full batch").isTrue();
        assertThat(outbox.deliverRound(true)).isTrue();
        assertThat(outbox.backlog()).as("the rest, a small batch").isFalse();
        assertThat(handled).containsExactlyElementsOf(upToHead(start));
    }

    private List<Long> upToHead(long fromExclusive) {
        return LongStream.rangeClosed(fromExclusive + 1, storage.eventLog().head()).boxed().toList();
    }
}
