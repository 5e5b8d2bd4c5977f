package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.thread.ThreadId;
import dev.forumkit.testkit.ForumFixture;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * The child process of the crash test: writes posts through Forum and JdbiForumStorage as fast as it can and
 * prints {@code ACK <post id>} for each command that returned (committed), until it is killed.
 * Arguments: the JDBC URL of the H2 database.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        JdbiForumStorage storage = JdbiForumStorage.owning(ConnectionPools.hikari(args[0], "sa", "", TestPools.patient(4)));
        Forum forum = ForumFixture.forum(storage, Clock.systemUTC());
        Member writer = forum.members().byUsername("writer")
                .orElseGet(() -> forum.members().registerFirstAdmin(new Registration("writer", "writer@example.org", "password123")));
        Actor me = Actor.member(writer.id());
        List<Board> boards = forum.boards().boards();
        Board board = boards.isEmpty()
                ? forum.boards().createBoard(me, forum.boards().createCategory(me, "Crash", "").id(), "Crash test", "", "")
                : boards.get(0);
        ThreadId thread = storage.transactions().readOnly(() -> storage.threads().latest(false, 0, 1)).stream()
                .map(ForumThread::id).findFirst()
                .orElseGet(() -> forum.threads().start(me, board.id(), "Crash test", "first").threadId());
        out.println("READY");
        out.flush();
        for (long n = 1; ; n++) {
            Post p = n % 50 == 0
                    ? forum.threads().start(me, board.id(), "Crash test " + n, "first post " + n)
                    : forum.posts().reply(me, thread, "reply " + n);
            if (p.number() == 1) {
                thread = p.threadId();
            }
            out.println("ACK " + p.id().value());
            out.flush();
        }
    }
}
