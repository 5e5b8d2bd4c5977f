package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.testkit.FixedClock;
import dev.forumkit.testkit.ForumFixture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A bulk load with deleted posts, deleted threads and reactions leaves every counter equal to a recount. */
class BulkLoaderTest {
    private static final Instant START = FixedClock.DEFAULT_START;
    /** What COPY's text format must escape, and what it must not take for a NULL. */
    private static final String ODD_BODY = "tab\there\nnew line\r\nback\\slash \\N not null, ünïcödé";

    @Test
    void bulkLoadIntoH2LeavesCountersRight() throws Exception {
        Path dir = TempDirs.create("forumkit-bulk");
        try (JdbiForumStorage storage = TestPools.h2(dir, 4)) {
            loadAndCheck(storage);
        } finally {
            TempDirs.delete(dir);
        }
    }

    @Test
    void bulkLoadIntoPostgresLeavesCountersRight() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String url = server.freshSchemaUrl();
        try (JdbiForumStorage storage = TestPools.postgres(server, url, 4)) {
            loadAndCheck(storage);
        } finally {
            server.dropSchemaOf(url);
        }
    }

    @Test
    void aSecondLoadIntoAForumWithRowsRecountsBySqlAndLeavesCountersRight() throws Exception {
        Path dir = TempDirs.create("forumkit-bulk-twice");
        try (JdbiForumStorage storage = TestPools.h2(dir, 4)) {
            ReactionTypes types = ReactionTypes.defaults();
            for (int round = 0; round < 2; round++) {
                try (JdbiBulkLoader load = JdbiBulkLoader.open(storage, types)) {
                    Member a = load.member(Member.withoutId("a" + round, "a" + round + "@example.org", "x", START, Role.MEMBER));
                    Member b = load.member(Member.withoutId("b" + round, "b" + round + "@example.org", "x", START, Role.MEMBER));
                    Category category = load.category(Category.withoutId("C" + round, "", round));
                    Board board = load.board(Board.withoutId(category.id(), "B" + round, "", null, round));
                    for (int t = 0; t < 5; t++) {
                        ForumThread thread = load.thread(ForumThread.withoutId(board.id(), "T" + t, a.id(), START.plusSeconds(t)));
                        for (int n = 1; n <= 3 + t; n++) {
                            Member author = n % 2 == 0 ? b : a;
                            Post p = load.post(Post.withoutId(thread.id(), n, author.id(), "p", START.plusSeconds(t * 100L + n)));
                            load.reaction(new Reaction(p.id(), (author == a ? b : a).id(), author.id(), "like", START));
                        }
                    }
                    assertThat(load.finish()).isEqualTo(round == 0 ? JdbiBulkLoader.Counting.KEPT_WHILE_LOADING
                            : JdbiBulkLoader.Counting.RECOUNTED_BY_SQL);
                }
            }
            try (Forum forum = ForumFixture.forum(storage, FixedClock.at(START.plus(Duration.ofDays(1))))) {
                assertThat(forum.counters().recountAsSystem(false).differences()).isEmpty();
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    @Test
    void theLoaderWritesEveryColumnOfEveryTableItLoads() throws Exception {
        Path dir = TempDirs.create("forumkit-bulk-columns");
        try (JdbiForumStorage storage = TestPools.h2(dir, 2)) {
            for (Table<?> table : List.of(JdbiMembers.TABLE, JdbiCategories.TABLE, JdbiBoards.TABLE, JdbiThreads.TABLE,
                    JdbiPosts.TABLE, JdbiReactions.TABLE)) {
                List<String> inDatabase = storage.jdbi().withHandle(h -> {
                    List<String> out = new ArrayList<>();
                    try (java.sql.ResultSet rs = h.getConnection().getMetaData().getColumns(null, h.getConnection().getSchema(),
                            table.name().toUpperCase(java.util.Locale.ROOT), null)) {
                        while (rs.next()) {
                            out.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                    return out;
                });
                assertThat(table.columns()).extracting(Column::name).as(table.name()).containsExactlyInAnyOrderElementsOf(inDatabase);
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** Every index of the forum's tables: name, position, column and direction, sorted. */
    private static List<String> indexes(JdbiForumStorage storage) throws java.sql.SQLException {
        return storage.jdbi().<List<String>, java.sql.SQLException>withHandle(h -> {
            List<String> out = new ArrayList<>();
            java.sql.DatabaseMetaData meta = h.getConnection().getMetaData();
            String schema = h.getConnection().getSchema();
            for (String table : List.of("members", "boards", "threads", "posts", "reactions", "read_states", "sessions")) {
                for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT))) {
                    try (java.sql.ResultSet rs = meta.getIndexInfo(null, schema, name, false, false)) {
                        while (rs.next()) {
                            out.add((table + " " + rs.getString("INDEX_NAME") + " " + rs.getShort("ORDINAL_POSITION") + " "
                                    + rs.getString("COLUMN_NAME") + " " + rs.getString("ASC_OR_DESC")).toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
            }
            java.util.Collections.sort(out);
            return out;
        });
    }

    private static void loadAndCheck(JdbiForumStorage storage) throws java.sql.SQLException {
        Random random = new Random(42);
        ReactionTypes types = ReactionTypes.defaults();
        List<Post> loaded = new ArrayList<>();
        int threadCount = 60;
        List<String> indexesBefore = indexes(storage);
        try (JdbiBulkLoader load = JdbiBulkLoader.open(storage, types)) {
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                members.add(load.member(Member.withoutId("user" + i, "user" + i + "@example.org", "x", START,
                        i == 0 ? Role.ADMIN : Role.MEMBER)));
            }
            Category category = load.category(Category.withoutId("General", "", 1));
            List<Board> boards = List.of(load.board(Board.withoutId(category.id(), "One", "", null, 1)),
                    load.board(Board.withoutId(category.id(), "Two", "", null, 2)),
                    load.board(Board.withoutId(category.id(), "Empty", "", null, 3)));
            for (int t = 0; t < threadCount; t++) {
                Member starter = members.get(random.nextInt(members.size()));
                Instant at = START.plusSeconds(t * 60L);
                ForumThread thread = ForumThread.withoutId(boards.get(t % 2).id(), "Thread " + t, starter.id(), at);
                if (t % 13 == 5) {
                    thread = thread.withDeletion(new Deletion(members.get(0).id(), at, "spam"));
                }
                thread = load.thread(thread);
                int posts = 1 + random.nextInt(30);
                for (int n = 1; n <= posts; n++) {
                    Member author = n == 1 ? starter : members.get(random.nextInt(members.size()));
                    String body = t == 0 && n == 1 ? ODD_BODY : "post " + n;
                    Post p = Post.withoutId(thread.id(), n, author.id(), body, at.plusMillis(n * 1000L + random.nextInt(900)));
                    if (n > 1 && random.nextInt(10) == 0) {
                        p = p.withDeletion(new Deletion(members.get(0).id(), at, ""));
                    }
                    Post stored = load.post(p);
                    loaded.add(stored);
                    java.util.Set<Member> reactors = new java.util.HashSet<>();
                    for (int r = random.nextInt(4); r > 0; r--) {
                        reactors.add(members.get(random.nextInt(members.size())));
                    }
                    for (Member reactor : reactors) {
                        if (!reactor.id().equals(author.id())) {
                            load.reaction(new Reaction(stored.id(), reactor.id(), author.id(),
                                    types.all().get(random.nextInt(types.all().size())).key(), at));
                        }
                    }
                }
            }
            load.finish();
        }

        assertThat(indexes(storage)).as("the loader rebuilt the indexes it dropped as the migrations define them")
                .isEqualTo(indexesBefore).anyMatch(i -> i.contains("ix_posts_author"));

        FixedClock clock = FixedClock.at(START.plus(Duration.ofDays(1)));
        try (Forum forum = ForumFixture.forum(storage, clock)) {
            assertThat(forum.counters().recountAsSystem(false).differences()).isEmpty();
            // loaded rows are ordinary rows: ids continue after the load, numbers after each thread's last
            Post sample = loaded.get(loaded.size() / 2);
            assertThat(storage.transactions().readOnly(() -> storage.posts().byId(sample.id()))).contains(sample);
            assertThat(storage.transactions().readOnly(() -> storage.posts().byId(loaded.get(0).id()))).contains(loaded.get(0))
                    .hasValueSatisfying(p -> assertThat(p.body()).isEqualTo(ODD_BODY));
            Member newcomer = forum.members().register(new Registration("newcomer", "newcomer@example.org", "password123"));
            assertThat(newcomer.id().value()).isEqualTo(31);
            ForumThread last = storage.transactions().readOnly(() -> storage.threads().byId(loaded.get(loaded.size() - 1).threadId()))
                    .orElseThrow();
            Post reply = forum.posts().reply(Actor.member(newcomer.id()), last.id(), "late reply").post();
            assertThat(reply.number()).isEqualTo(last.postCounter() + 1);
            assertThat(reply.id().value()).isEqualTo(loaded.size() + 1);
            assertThat(forum.counters().recountAsSystem(false).differences()).isEmpty();
        }
    }
}
