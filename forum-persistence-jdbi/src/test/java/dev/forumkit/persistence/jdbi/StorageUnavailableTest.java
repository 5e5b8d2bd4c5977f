package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.StorageUnavailableException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.testkit.ForumFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An unreachable database is a clear, fast StorageUnavailableException (the web layer's 503), and the fail-fast
 * pool of {@link ConnectionPools} recovers by itself when the database comes back.
 */
class StorageUnavailableTest {

    @Test
    void nothingListeningFailsWithinSeconds() throws IOException {
        int port = freePort();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> JdbiForumStorage.connect("jdbc:postgresql://127.0.0.1:" + port + "/forum", "forum", "secret"))
                .isInstanceOf(StorageUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase("select").doesNotContain("secret"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aStoppedServerFailsFastAndThePoolRecoversWhenItIsBack() throws Exception {
        Path data = TempDirs.create("forumkit-pg-restart");
        int port = freePort();
        PostgresServer server = PostgresServer.embedded(data, port);
        try (JdbiForumStorage storage = JdbiForumStorage.connect(server.url(), server.user(), server.password());
             Forum forum = ForumFixture.forum(storage, Clock.systemUTC())) {
            Member alice = forum.members().registerFirstAdmin(new Registration("alice", "alice@example.org", "password123"));
            forum.boards().createCategory(Actor.member(alice.id()), "General", "");

            server.close(); // the database goes away under a running forum
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> forum.reading().boardIndex(Actor.guest()))
                    .isInstanceOf(StorageUnavailableException.class);
            assertThatThrownBy(() -> forum.boards().createCategory(Actor.member(alice.id()), "Offline", ""))
                    .isInstanceOf(StorageUnavailableException.class);
            Duration outage = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(outage).as("two failed requests").isLessThan(Duration.ofSeconds(10));

            server = PostgresServer.embedded(data, port); // back, same files, same port
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                try {
                    assertThat(forum.reading().boardIndex(Actor.guest()).categories()).hasSize(1);
                    break;
                } catch (StorageUnavailableException e) {
                    assertThat(System.nanoTime()).as("the pool reconnected within 30 s").isLessThan(deadline);
                    Thread.sleep(200);
                }
            }
            assertThat(forum.members().byUsername("alice")).isPresent();
            forum.boards().createCategory(Actor.member(alice.id()), "Back online", "");
        } finally {
            server.close();
            TempDirs.delete(data);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
