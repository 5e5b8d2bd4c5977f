package dev.forumkit.persistence.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.testkit.FixedClock;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's IN lists bound by position ({@link Rows#marks}, {@link Rows#bindLongs}: task pageread) on H2, for list
 * sizes around the cached placeholder strings (1..64) and past them, each value bound to its own position: the
 * authors with {@code withMembers} and the reaction counts with {@code countsByPost} give what the single reads give.
 */
class InListReadsTest {
    private static Path dir;
    private static HikariDataSource pool;
    private static JdbiForumStorage storage;
    private static final List<Member> MEMBERS = new ArrayList<>();
    private static final List<PostId> POSTS = new ArrayList<>();

    @BeforeAll
    static void forum() {
        dir = TempDirs.create("forumkit-inlists");
        pool = ConnectionPools.hikari(ConnectionPools.embeddedH2Url(dir), "sa", "", TestPools.patient(4));
        storage = JdbiForumStorage.create(Jdbi.create(pool));
        Forum forum = ForumFixture.forum(storage, FixedClock.atDefaultStart());
        ForumFixture fx = ForumFixture.on(forum, storage);
        for (int i = 0; i < 70; i++) {
            MEMBERS.add(fx.member());
        }
        StartedThread thread = fx.thread().by(MEMBERS.get(0)).start();
        for (int i = 0; i < 70; i++) {
            var post = fx.reply(MEMBERS.get(i), thread.id());
            POSTS.add(post.id());
            for (int k = 0; k <= i % 3; k++) { // 1, 2 or 3 likes: counts that differ by post
                forum.reactions().react(Actor.member(MEMBERS.get((i + 1 + k) % MEMBERS.size()).id()), post.id(), "like");
            }
        }
    }

    @AfterAll
    static void close() {
        storage.close();
        pool.close();
        TempDirs.delete(dir);
    }

    @Test
    void authorsWithProfilesForEveryListSize() {
        for (int n : new int[] {1, 2, 63, 64, 65, 70}) {
            List<MemberId> ids = MEMBERS.subList(70 - n, 70).stream().map(Member::id).toList();
            var read = storage.transactions().readOnly(() -> storage.profiles().withMembers(ids));
            assertThat(read.members().keySet()).as("%d ids", n).containsExactlyInAnyOrderElementsOf(ids);
            for (MemberId id : ids) {
                assertThat(read.members().get(id)).isEqualTo(storage.members().byId(id).orElseThrow());
            }
        }
    }

    @Test
    void reactionCountsForEveryListSize() {
        for (int n : new int[] {1, 2, 63, 64, 65, 70}) {
            List<PostId> ids = POSTS.subList(0, n);
            Map<PostId, Map<String, Integer>> counts = storage.transactions().readOnly(() -> storage.reactions().countsByPost(ids));
            assertThat(counts.keySet()).as("%d ids", n).containsExactlyInAnyOrderElementsOf(ids);
            for (int i = 0; i < n; i++) {
                assertThat(counts.get(ids.get(i))).isEqualTo(Map.of("like", 1 + i % 3));
            }
        }
    }
}
