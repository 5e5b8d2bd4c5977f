package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.event.EncodedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vacuum of PostgreSQL's events table (postgresql/V33, task pgage in docs/performance.md): every event numbered
 * after its commit leaves a dead entry at the low end of the index the sequencer reads ({@code position IS NULL ORDER
 * BY id}); a VACUUM must remove those entries also when the table is large and the dead rows few, where PostgreSQL
 * would otherwise skip the indexes (under 2 % of the pages with dead rows), and autovacuum must not wait for a fifth
 * of the table.
 */
class PostgresEventsVacuumTest {
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
        storage = TestPools.postgres(server, url, 4);
    }

    @AfterEach
    void dropSchema() {
        try {
            storage.close();
        } finally {
            server.dropSchemaOf(url);
        }
    }

    @Test
    void autovacuumRunsAfterAThousandDeadEventsWhateverTheTableSizeAndCleansTheIndexes() {
        String options = storage.db().with(h -> h.createQuery("SELECT array_to_string(c.reloptions, ',') FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'events' AND n.nspname = current_schema()")
                .mapTo(String.class).one());
        assertThat(options).contains("autovacuum_vacuum_scale_factor=0", "autovacuum_vacuum_threshold=1000",
                "vacuum_index_cleanup=on");
    }

    @Test
    void aVacuumOfALargeTableRemovesTheNumberedEventsFromTheSequencersIndex() {
        // a week of events already numbered (300,000), then 3,000 appended in three commits and numbered after them as
        // usual: the sequencer's index grows by a dozen pages (its entries are not dead yet when the pages split), and
        // the events' old versions sit on about 1 % of the table's pages
        storage.db().use(h -> {
            h.execute("INSERT INTO events (type, payload, created_at, position) SELECT 'Test', 'x', now(), g"
                    + " FROM generate_series(1, 300000) g");
            h.execute("UPDATE outbox_head SET position = 300000 WHERE id = 1");
        });
        for (int i = 0; i < 3; i++) {
            List<EncodedEvent> events = IntStream.range(0, 1000).mapToObj(k -> new EncodedEvent("Test", "y")).toList();
            storage.transactions().run(() -> storage.eventLog().append(events, Instant.EPOCH));
        }
        long waiting = storage.db().with(h -> h.createQuery("SELECT count(*) FROM events WHERE position IS NULL")
                .mapTo(Long.class).one());
        assertThat(waiting).as("events still without a position").isZero();

        storage.db().use(h -> h.execute("VACUUM events"));

        // the sequencer's read; without V33 this VACUUM skips the indexes ("bypassing nonessential maintenance") and
        // the read still walks the index's emptied pages
        long blocks = storage.db().with(h -> h.createQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)"
                        + " SELECT id FROM events WHERE position IS NULL ORDER BY id LIMIT 100")
                .mapTo(String.class).list().stream()
                .mapToLong(PostgresEventsVacuumTest::sharedBlocks).sum());
        assertThat(blocks).as("buffers the read of waiting events touches after VACUUM").isLessThanOrEqualTo(4);
    }

    /** The top plan node's shared buffers (hit + read) in EXPLAIN's JSON. */
    private static long sharedBlocks(String json) {
        return field(json, "\"Shared Hit Blocks\": ") + field(json, "\"Shared Read Blocks\": ");
    }

    private static long field(String json, String name) {
        int at = json.indexOf(name);
        if (at < 0) {
            return 0;
        }
        int start = at + name.length(), end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Long.parseLong(json.substring(start, end));
    }
}
