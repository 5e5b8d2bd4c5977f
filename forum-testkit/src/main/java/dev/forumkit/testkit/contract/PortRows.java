package dev.forumkit.testkit.contract;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows made straight through the ports (no services, no counters), each in its own transaction, for the tests
 * of single port operations. Parents are real rows, so adapters with foreign keys accept them.
 */
final class PortRows {
    private final ForumStorage s;
    private final AtomicInteger sequence = new AtomicInteger();

    PortRows(ForumStorage storage) {
        this.s = storage;
    }

    Member member(String username, Instant joinedAt) {
        return tx(() -> s.members().add(Member.withoutId(username, username + "@example.org", "hash-of-" + username,
                joinedAt, Role.MEMBER)));
    }

    Member member(Instant joinedAt) {
        return member("user" + sequence.incrementAndGet(), joinedAt);
    }

    Category category(String title, int order) {
        return tx(() -> s.categories().add(Category.withoutId(title, "about " + title, order)));
    }

    Board board(Category category, String title, int order) {
        return tx(() -> s.boards().add(Board.withoutId(category.id(), title, "about " + title, null, order)));
    }

    /** A category with one board. */
    Board board(String title) {
        return board(category("Category of " + title, sequence.incrementAndGet()), title, 1);
    }

    ForumThread thread(Board board, Member starter, Instant createdAt) {
        return tx(() -> s.threads().add(ForumThread.withoutId(board.id(), "Thread " + sequence.incrementAndGet(),
                starter.id(), createdAt)));
    }

    /** A post with the thread's next number, allocated the way the services do it. */
    Post post(ThreadId thread, Member author, Instant at) {
        return tx(() -> {
            int number = s.threads().allocatePostNumber(thread);
            return s.posts().add(Post.withoutId(thread, number, author.id(), "Post " + number, at));
        });
    }

    ForumThread reload(ForumThread t) {
        return s.transactions().readOnly(() -> s.threads().byId(t.id()).orElseThrow());
    }

    private <T> T tx(java.util.function.Supplier<T> work) {
        return s.transactions().inTransaction(work);
    }
}
