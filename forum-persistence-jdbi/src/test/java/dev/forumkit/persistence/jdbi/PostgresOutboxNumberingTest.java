package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.Forum;
import dev.forumkit.core.event.EncodedEvent;
import dev.forumkit.core.event.EventCodec;
import dev.forumkit.core.event.EventConsumer;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.event.EventLog;
import dev.forumkit.core.event.StoredEvent;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.testkit.FixedClock;
import dev.forumkit.testkit.ForumFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL numbers outbox events after commit (migration V30, {@link OutboxSequencer}): writers hold no shared row,
 * yet a reader going through positions in order never skips an event, and events a stopped node committed but did
 * not number are numbered and delivered by whoever runs the outbox next.
 */
class PostgresOutboxNumberingTest {
    private static final int WRITERS = 16;
    private static final int COMMITS_EACH = 60;
    private static PostgresServer server;
    private String url;
    private JdbiForumStorage storage;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.shared();
    }

    @BeforeEach
    void freshSchema() {
        url = server.freshSchemaUrl();
        storage = TestPools.postgres(server, url, WRITERS + 4);
    }

    @AfterEach
    void dropSchema() {
        try {
            storage.close();
        } finally {
            server.dropSchemaOf(url);
        }
    }

    private static EncodedEvent passwordChanged(long member) {
        return EventCodec.encode(new ForumEvent.PasswordChanged(new MemberId(member), Instant.EPOCH));
    }

    private EventLog log() {
        return storage.eventLog();
    }

    private void commit(String... payloads) {
        storage.transactions().run(() -> log().append(
                java.util.Arrays.stream(payloads).map(p -> new EncodedEvent("Test", p)).toList(), Instant.EPOCH));
    }

    /**
     * The race numbering at insert time loses (a sequence: a later insert commits first, a reader passes its number,
     * the earlier one becomes visible below it): many writers of one and two events commit at once while a reader
     * walks the positions. It must see every committed event once, at dense positions, never one below where it is.
     */
    @Test
    void aReaderWalkingThePositionsDuringARaceOfWritersSeesEveryEventOnceAndNeverSkipsOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Long> positions = new CopyOnWriteArrayList<>();
        try {
            Future<?> reader = pool.submit(() -> {
                long at = 0;
                boolean last = false;
                while (true) {
                    List<StoredEvent> batch = log().after(at, 50);
                    for (StoredEvent e : batch) {
                        positions.add(e.position());
                        seen.add(e.event().payload());
                        at = e.position();
                    }
                    if (batch.isEmpty() && last) {
                        return null;
                    }
                    last = !writing.get() && batch.isEmpty(); // one more empty look after the writers finished
                }
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < COMMITS_EACH; i++) {
                        if (i % 3 == 0) {
                            commit(writer + "-" + i + "-a", writer + "-" + i + "-b");
                        } else {
                            commit(writer + "-" + i + "-a");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : writers) {
                w.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            reader.get(5, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        List<String> written = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            for (int i = 0; i < COMMITS_EACH; i++) {
                written.add(w + "-" + i + "-a");
                if (i % 3 == 0) {
                    written.add(w + "-" + i + "-b");
                }
            }
        }
        assertThat(seen).as("every committed event, once, seen by the reader while the writers ran")
                .containsExactlyInAnyOrderElementsOf(written);
        assertThat(positions).as("dense positions in order: nothing skipped, nothing seen twice")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, written.size()).mapToObj(n -> (long) n).toList());
        assertThat(log().head()).isEqualTo(written.size());
        // each writer's own events in its order: its second commit began after its first committed, and the two
        // events of one transaction keep theirs
        for (int w = 0; w < WRITERS; w++) {
            String prefix = w + "-";
            List<String> own = seen.stream().filter(s -> s.startsWith(prefix)).toList();
            assertThat(own).as("writer " + w).containsExactlyElementsOf(
                    written.stream().filter(s -> s.startsWith(prefix)).toList());
        }
    }

    @Test
    void theEventsOfACommandAreNumberedByTheTimeItReturnsAndTheWriterHoldsNoHeadRow() {
        commit("one", "two");
        assertThat(log().after(0, 10)).extracting(StoredEvent::position).containsExactly(1L, 2L);
        assertThat(log().head()).isEqualTo(2);

        // a writer that has not committed yet does not hold up another writer's commit and numbering
        storage.transactions().run(() -> {
            log().append(List.of(new EncodedEvent("Test", "slow")), Instant.EPOCH);
            assertThat(log().after(2, 10)).as("its own event, as if numbered next").extracting(e -> e.event().payload())
                    .containsExactly("slow");
            runElsewhere(() -> commit("quick"));
            assertThat(head()).as("the other writer's event, numbered while this transaction is open").isEqualTo(3);
        });
        assertThat(log().after(2, 10)).extracting(e -> e.event().payload()).containsExactly("quick", "slow");
        assertThat(log().after(2, 10)).extracting(StoredEvent::position).containsExactly(3L, 4L);
    }

    private long head() {
        return runElsewhereAnswering(() -> log().head());
    }

    private static void runElsewhere(Runnable work) {
        runElsewhereAnswering(() -> {
            work.run();
            return null;
        });
    }

    private static <T> T runElsewhereAnswering(java.util.concurrent.Callable<T> work) {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            return other.submit(work).get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            other.shutdownNow();
        }
    }

    /**
     * A node killed between its commit and the numbering leaves events without a position; the next outbox round of
     * any node numbers them, after the positions already given, and its consumers get each once.
     */
    @Test
    void eventsCommittedButNeverNumberedAreDeliveredByTheNextOutboxRound() {
        Forum forum = ForumFixture.forum(storage, FixedClock.atDefaultStart());
        try {
            List<Long> delivered = new CopyOnWriteArrayList<>();
            forum.outbox().register(EventConsumer.inStorage("seen", d -> delivered.add(d.position())));
            storage.transactions().run(() -> log().append(List.of(passwordChanged(1)), Instant.EPOCH));
            // what the killed node left: committed rows without a position (its run never came)
            storage.jdbi().useHandle(h -> h.createUpdate("INSERT INTO events (type, payload, created_at)"
                            + " VALUES (:type, :a, now()), (:type, :b, now())")
                    .bind("type", passwordChanged(2).type()).bind("a", passwordChanged(2).payload())
                    .bind("b", passwordChanged(3).payload()).execute());
            assertThat(log().head()).as("not numbered yet").isEqualTo(1);
            assertThat(log().after(0, 10)).hasSize(1);

            forum.outbox().drain();
            assertThat(log().after(0, 10)).extracting(e -> e.event().payload()).containsExactly(
                    passwordChanged(1).payload(), passwordChanged(2).payload(), passwordChanged(3).payload());
            assertThat(log().after(0, 10)).extracting(StoredEvent::position).containsExactly(1L, 2L, 3L);
            assertThat(log().head()).isEqualTo(3);
            assertThat(delivered).as("each delivered, once").containsExactly(1L, 2L, 3L);
            forum.outbox().drain();
            assertThat(delivered).containsExactly(1L, 2L, 3L);
        } finally {
            forum.close();
        }
    }
}
