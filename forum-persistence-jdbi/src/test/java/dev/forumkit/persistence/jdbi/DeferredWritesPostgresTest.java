package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.Forum;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.Member;
import dev.forumkit.testkit.FixedClock;
import dev.forumkit.testkit.ForumFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writes held back on PostgreSQL ({@link DeferredWrites}) behave as if sent at once: the transaction's own next read
 * sees them, and a write to a missing row still fails its transaction, undoing everything in it.
 */
class DeferredWritesPostgresTest {
    private static PostgresServer server;
    private static String url;
    private static JdbiForumStorage storage;
    private static Forum forum;
    private static ForumFixture fx;

    @BeforeAll
    static void forum() {
        server = PostgresServer.shared();
        url = server.freshSchemaUrl();
        storage = TestPools.postgres(server, url, 4);
        forum = ForumFixture.forum(storage, FixedClock.atDefaultStart());
        fx = ForumFixture.on(forum, storage);
    }

    @AfterAll
    static void close() {
        forum.close();
        storage.close();
        server.dropSchemaOf(url);
    }

    @Test
    void theTransactionsNextReadSeesAHeldBackWrite() {
        Member m = fx.member("reader");
        int seen = storage.transactions().inTransaction(() -> {
            storage.members().addCounters(m.id(), 3, 7);
            return storage.members().byId(m.id()).orElseThrow().messageCount();
        });
        assertThat(seen).isEqualTo(m.messageCount() + 3);
        assertThat(fx.reload(m).messageCount()).isEqualTo(m.messageCount() + 3);
    }

    @Test
    void aHeldBackWriteToAMissingRowFailsItsTransactionAndUndoesTheRest() {
        Member m = fx.member("writer");
        Member before = fx.reload(m);
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
            storage.members().addCounters(m.id(), fx.board().id(), 1, 1);
            storage.boards().addCounters(BoardId.of(987_654), 0, 1); // no such board: held back, fails at the commit
            return null;
        })).isInstanceOf(NotFoundException.class);
        assertThat(fx.reload(m)).isEqualTo(before);
        assertThat(storage.transactions().inTransaction(() -> storage.members().countsOn(
                java.util.List.of(m.id()), java.util.Set.of(fx.board().id())))).isEmpty();
    }
}
