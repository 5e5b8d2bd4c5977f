package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.signal.Signal;
import dev.forumkit.core.signal.Signals;
import dev.forumkit.testkit.signal.SignalsContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LISTEN/NOTIFY bus against the bus contract: each "node" is a bus with connections of its own on one schema; a
 * bus on another schema is another forum. Also what only a networked bus can do: lose its connection and say so.
 */
class PostgresSignalsContractTest extends SignalsContract {
    private final PostgresServer server = PostgresServer.shared();
    private final String url = server.freshSchemaUrl();

    @Override
    protected Signals newNode() {
        return on(url);
    }

    private PostgresSignals on(String schemaUrl) {
        return new PostgresSignals(() -> DriverManager.getConnection(schemaUrl, server.user(), server.password()));
    }

    @Override
    protected void awaitListening(Signals node) throws Exception {
        assertThat(((PostgresSignals) node).awaitLive(PATIENCE.toMillis())).as("listening").isTrue();
    }

    @AfterEach
    void dropSchema() {
        server.dropSchemaOf(url);
    }

    @Test
    void aForumInAnotherSchemaHearsNothing() throws Exception {
        String otherUrl = server.freshSchemaUrl();
        try (PostgresSignals other = on(otherUrl)) {
            awaitListening(other);
            Heard onOther = new Heard();
            other.listen(onOther);
            Signals a = node();
            Heard onA = new Heard();
            a.listen(onA);

            a.publish(new Signal("outbox", "1"));

            assertThat(onA.next()).isEqualTo(new Signal("outbox", "1"));
            assertThat(onOther.within(300)).isEmpty();
        } finally {
            server.dropSchemaOf(otherUrl);
        }
    }

    @Test
    void aLostConnectionIsReportedAtOnceAndAgainOnceItListensAgain() throws Exception {
        Signals a = node();
        Signals b = node();
        Heard onB = new Heard();
        b.listen(onB);

        // the server ends b's listening session, as a restart or a network cut would
        String schema = url.substring(url.lastIndexOf('=') + 1).toLowerCase(java.util.Locale.ROOT);
        server.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN \"forumkit_" + schema + "\"'");

        long end = System.nanoTime() + PATIENCE.toNanos();
        while (onB.losses() < 2 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(onB.losses()).as("told at the loss and again after listening anew").isEqualTo(2);
        assertThat(b.live()).isTrue();

        a.publish(new Signal("outbox", "after"));
        assertThat(onB.next()).isEqualTo(new Signal("outbox", "after"));
    }
}
