package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.post.Post;
import dev.forumkit.testkit.ForumFixture;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of the crash test: {@link #WRITERS} threads write posts through Forum and JdbiForumStorage as fast
 * as they can, each printing {@code ACK <post id>} for each command that returned (committed), until it is killed.
 * Several writers matter: H2 has lost part of a transaction in a crash only while other transactions were busy.
 * Arguments: the JDBC URL of the H2 database.
 */
public final class CrashWriter {
    static final int WRITERS = 4;

    private CrashWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        JdbiForumStorage storage = JdbiForumStorage.owning(ConnectionPools.hikari(args[0], "sa", "", TestPools.patient(WRITERS + 2)));
        Forum forum = ForumFixture.forum(storage, Clock.systemUTC());
        Member writer = forum.members().byUsername("writer")
                .orElseGet(() -> forum.members().registerFirstAdmin(new Registration("writer", "writer@example.org", "password123")));
        Actor me = Actor.member(writer.id());
        List<Board> boards = forum.boards().boards();
        Board board = boards.isEmpty()
                ? forum.boards().createBoard(me, forum.boards().createCategory(me, "Crash", "").id(), "Crash test", "", "")
                : boards.get(0);
        List<ThreadId> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) { // each writer its own thread: replies to one thread queue on its row lock
            threads.add(forum.threads().start(me, board.id(), "Crash test writer " + w, "first").threadId());
        }
        out.println("READY");
        out.flush();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            ThreadId first = threads.get(w);
            Thread t = new Thread(() -> {
                ThreadId thread = first;
                for (long n = 1; ; n++) {
                    Post p = n % 50 == 0
                            ? forum.threads().start(me, board.id(), "Crash test " + n, "first post " + n)
                            : forum.posts().reply(me, thread, "reply " + n).post();
                    if (p.number() == 1) {
                        thread = p.threadId();
                    }
                    synchronized (out) {
                        out.println("ACK " + p.id().value());
                        out.flush();
                    }
                }
            }, "writer-" + w);
            t.start();
            writers.add(t);
        }
        for (Thread t : writers) {
            t.join();
        }
    }
}
