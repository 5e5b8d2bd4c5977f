package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.member.BoardCounts;
import dev.forumkit.core.member.Member;
import dev.forumkit.testkit.FixedClock;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V26 on a forum that had posts, deleted ones and reactions before it: the members' counters by board come
 * from the rows, equal to what recount computes (default reaction weights).
 */
class MemberBoardCountsMigrationTest {
    @Test
    void aForumFromBeforeV26GetsItsCountersByBoardFromTheRows() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:v26-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        JdbiForumStorage storage = JdbiForumStorage.create(ds);
        Member bob;
        Board other;
        try {
            Forum forum = ForumFixture.forum(storage, FixedClock.atDefaultStart());
            ForumFixture fx = ForumFixture.on(forum, storage);
            bob = fx.member("bob");
            Member carol = fx.member("carol");
            other = fx.board("Other");
            StartedThread t = fx.thread().by(bob).withReplies(3, carol, bob).start();
            StartedThread gone = fx.thread().by(bob).in(other).withReplies(1, carol).start();
            StartedThread there = fx.thread().by(bob).in(other).start();
            forum.reactions().react(actor(carol), t.first().id(), "like");
            forum.reactions().react(actor(carol), there.first().id(), "angry");
            forum.reactions().react(actor(bob), t.post(2).id(), "love");
            forum.reactions().react(actor(carol), gone.first().id(), "wow");
            forum.posts().delete(actor(fx.admin()), t.post(3).id(), "off topic");
            forum.threads().delete(actor(fx.admin()), gone.id(), "spam");
            forum.close();
        } finally {
            storage.close();
        }
        // the database as it was before V26, then V26's own script on the old rows (run by hand: Flyway would refuse
        // to apply it again below the later migrations already applied)
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DROP TABLE member_board_counts");
            for (String statement : v26Statements()) {
                s.execute(statement);
            }
        }

        JdbiForumStorage upgraded = JdbiForumStorage.create(ds);
        try {
            List<BoardCounts> rows = new ArrayList<>();
            upgraded.transactions().inTransaction(() -> {
                upgraded.members().forEachBoardCounts(rows::add);
                return null;
            });
            assertThat(rows).filteredOn(r -> r.member().equals(bob.id())).extracting(BoardCounts::messageCount,
                    BoardCounts::reactionScore).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(1, 1L), // his first post (his reply is deleted), a like on it
                    org.assertj.core.groups.Tuple.tuple(1, -1L)); // the deleted thread not at all; an angry
            assertThat(rows).filteredOn(r -> r.member().equals(bob.id()) && r.board().equals(other.id()))
                    .singleElement().extracting(BoardCounts::messageCount).isEqualTo(1);
            Forum forum = ForumFixture.forum(upgraded, FixedClock.atDefaultStart());
            assertThat(forum.counters().recountAsSystem(false).differences()).isEmpty();
            forum.close();
        } finally {
            upgraded.close();
        }
    }

    /** The statements of V26's script, comments left out. */
    private static List<String> v26Statements() throws java.io.IOException {
        String script;
        try (var in = MemberBoardCountsMigrationTest.class.getResourceAsStream(
                "/db/migration/common/V26__member_board_counts.sql")) {
            assertThat(in).as("V26 on the class path").isNotNull();
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String code = script.lines().filter(l -> !l.strip().startsWith("--"))
                .collect(java.util.stream.Collectors.joining("\n"));
        return java.util.Arrays.stream(code.split(";")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
}
