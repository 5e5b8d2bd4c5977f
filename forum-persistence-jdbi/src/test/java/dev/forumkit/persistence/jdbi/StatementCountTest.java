package dev.forumkit.persistence.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Member;
import dev.forumkit.testkit.FixedClock;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: the thread page, the board page and the board index each cost the same small number of SQL statements
 * whether a page shows 5 items or 50 (counted with Jdbi's SqlLogger, to which the page's plain JDBC reads report too:
 * JdbiTransactions.plain; checked in task pagejdbc: one more plain statement on the page fails this test).
 */
class StatementCountTest {
    private static final AtomicInteger STATEMENTS = new AtomicInteger();
    private static final int EXPECTED_REPLY = 14;
    private static Path dir;
    private static HikariDataSource pool;
    private static JdbiForumStorage storage;
    private static FixedClock clock;
    private static StartedThread thread;
    private static Member reader;
    private static ForumFixture fx;

    @BeforeAll
    static void forumWithContent() {
        dir = TempDirs.create("forumkit-statements");
        pool = ConnectionPools.hikari(ConnectionPools.embeddedH2Url(dir), "sa", "", TestPools.patient(4));
        Jdbi jdbi = Jdbi.create(pool);
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                STATEMENTS.incrementAndGet();
            }
        });
        storage = JdbiForumStorage.create(jdbi);
        clock = FixedClock.atDefaultStart();
        Forum forum = ForumFixture.forum(storage, clock);
        fx = ForumFixture.on(forum, storage);
        List<Member> authors = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            authors.add(fx.member());
        }
        reader = fx.member("reader");
        thread = fx.thread().by(authors.get(0)).start();
        for (int i = 0; i < 60; i++) {
            Member author = authors.get(i % authors.size());
            var post = fx.reply(author, thread.id());
            forum.reactions().react(Actor.member(authors.get((i + 1) % authors.size()).id()), post.id(), "like");
        }
        for (int i = 0; i < 60; i++) { // more threads, by several starters, in two boards
            fx.thread().by(authors.get(i % authors.size())).in(i % 2 == 0 ? fx.board() : fx.board("Board " + i)).start();
        }
    }

    @AfterAll
    static void close() {
        storage.close();
        pool.close();
        TempDirs.delete(dir);
    }

    @Test
    void threadPageCostsTheSameForFiveOrFiftyPosts() {
        int small = count(5, f -> f.reading().threadPage(Actor.member(reader.id()), thread.id(), 2));
        int large = count(50, f -> f.reading().threadPage(Actor.member(reader.id()), thread.id(), 1));
        int guest = count(50, f -> f.reading().threadPage(Actor.guest(), thread.id(), 1));
        System.out.printf("thread page: %d statements (5 posts), %d (50 posts), guest %d%n", small, large, guest);
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(12);
        assertThat(guest).isLessThanOrEqualTo(large);
        // thread with its board and category, posts, authors (with their profiles), reaction counts: 6 before task pagefold
        assertThat(guest).as("a guest's thread page").isEqualTo(4);
    }

    @Test
    void boardPageCostsTheSameForFiveOrFiftyThreads() {
        int small = count(5, f -> f.reading().boardPage(Actor.member(reader.id()), fx.board().id(), 1));
        int large = count(50, f -> f.reading().boardPage(Actor.member(reader.id()), fx.board().id(), 1));
        System.out.printf("board page: %d statements (5 threads), %d (50 threads)%n", small, large);
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(8);
    }

    @Test
    void boardIndexCostsAFixedNumberOfStatements() {
        int index = count(20, f -> f.reading().boardIndex(Actor.guest()));
        System.out.printf("board index: %d statements%n", index);
        assertThat(index).isLessThanOrEqualTo(4);
    }

    @Test
    void whatsNewCostsTheSameForFiveOrFiftyThreads() {
        int small = count(5, f -> f.reading().whatsNew(Actor.member(reader.id()), 1));
        int large = count(50, f -> f.reading().whatsNew(Actor.member(reader.id()), 1));
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(6);
    }

    @Test
    void aThreadPageOnABoardWithTenGroupsCostsNoMoreStatementsOnceTheGridIsCached() {
        int before = count(20, f -> f.reading().threadPage(Actor.member(reader.id()), thread.id(), 1));
        try (Forum forum = ForumFixture.forum(storage, clock)) {
            Actor admin = Actor.member(fx.admin().id());
            List<dev.forumkit.core.group.GroupId> groups = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                var g = forum.groups().create(admin, "Group " + i, i % 2 == 0 ? "Banner " + i : null, i);
                groups.add(g.id());
                for (var p : List.of(dev.forumkit.core.policy.Permission.REPLY, dev.forumkit.core.policy.Permission.REACT,
                        dev.forumkit.core.policy.Permission.UPLOAD)) {
                    forum.permissions().set(admin, new dev.forumkit.core.policy.Grant(
                            dev.forumkit.core.policy.Grant.Subject.group(g.id()),
                            dev.forumkit.core.policy.Grant.Scope.board(thread.boardId()), p,
                            i == 9 ? dev.forumkit.core.policy.GrantValue.DENY : dev.forumkit.core.policy.GrantValue.ALLOW));
                }
            }
            forum.groups().place(admin, reader.id(), groups.get(0), java.util.Set.of(groups.get(3), groups.get(9)));
            forum.groups().place(admin, thread.starter().id(), groups.get(2), java.util.Set.of());
        }
        int after = count(20, f -> f.reading().threadPage(Actor.member(reader.id()), thread.id(), 1));
        System.out.printf("thread page: %d statements without groups, %d with 10 groups on the board%n", before, after);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aReplyReportsEveryStatementItRuns() {
        // a reply's statements on H2 run as plain JDBC (task h2writer): each must still reach the SqlLogger. The
        // member's second reply (the first also inserts the member's row of member_board_counts); measured: 13, 14 since task
        // newsread: one's own reply marks one's alerts read with the thread (Alerts.markReadInThread)
        Member replier = fx.member("replier");
        fx.reply(replier, thread.id());
        int n = measure(() -> fx.reply(replier, thread.id()));
        System.out.printf("a reply: %d statements%n", n);
        assertThat(n).as("a reply's statements, plain JDBC ones included").isEqualTo(EXPECTED_REPLY);
    }

    /** Statements run by one read on a forum showing {@code perPage} items per page. */
    private static int count(int perPage, java.util.function.Function<Forum, Object> read) {
        // the grid's version is read at most once an hour here: that read must not fall into a measured page
        try (Forum forum = ForumFixture.forum(storage, clock, c -> c.postsPerPage(perPage).threadsPerPage(perPage)
                .permissionCheckInterval(java.time.Duration.ofHours(1)))) {
            read.apply(forum); // warm: the first view of a member writes a read position once
            return measure(() -> read.apply(forum));
        }
    }

    private static int measure(Supplier<Object> work) {
        int before = STATEMENTS.get();
        work.get();
        return STATEMENTS.get() - before;
    }
}
