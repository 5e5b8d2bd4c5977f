package dev.forumkit.core.thread;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.storage.ForumStorage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class ViewCounterTest {
    private final ForumStorage storage = new InMemoryForumStorage();
    private final Instant now = Instant.parse("2026-01-05T09:00:00Z");

    private ThreadId thread() {
        return storage.transactions().inTransaction(() -> {
            Member m = storage.members().count() == 0
                    ? storage.members().add(Member.withoutId("alice", "alice@example.org", "h", now, Role.MEMBER))
                    : storage.members().byUsername("alice").orElseThrow();
            Category c = storage.categories().add(Category.withoutId("C", "", 1));
            Board b = storage.boards().add(Board.withoutId(c.id(), "B", "", null, 1));
            return storage.threads().add(ForumThread.withoutId(b.id(), "T", m.id(), now)).id();
        });
    }

    private long stored(ThreadId id) {
        return storage.threads().byId(id).orElseThrow().viewCount();
    }

    @Test
    void viewsRecordedWhileFlushingAreNeverLost() throws InterruptedException {
        ViewCounter views = new ViewCounter(storage);
        List<ThreadId> threads = List.of(thread(), thread());
        int recorders = 4;
        int each = 200_000;
        CountDownLatch left = new CountDownLatch(recorders);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < recorders; i++) {
            int index = i;
            workers.add(new Thread(() -> {
                for (int v = 0; v < each; v++) {
                    views.record(threads.get((v + index) % 2));
                }
                left.countDown();
            }));
        }
        Thread flusher = new Thread(() -> {
            while (left.getCount() > 0) {
                views.flush();
            }
        });
        workers.forEach(Thread::start);
        flusher.start();
        for (Thread w : workers) {
            w.join();
        }
        flusher.join();
        views.flush();

        assertThat(stored(threads.get(0)) + stored(threads.get(1))).isEqualTo((long) recorders * each);
        assertThat(views.pending(threads.get(0))).isZero();
    }

    @Test
    void pendingViewsShowUntilFlushedAndFlushWritesThemOnce() {
        ViewCounter views = new ViewCounter(storage);
        ThreadId t = thread();
        views.record(t);
        views.record(t);

        assertThat(views.pending(t)).isEqualTo(2);
        assertThat(stored(t)).isZero();
        assertThat(views.flush()).isEqualTo(2);
        assertThat(stored(t)).isEqualTo(2);
        assertThat(views.pending(t)).isZero();
        assertThat(views.flush()).isZero();
        assertThat(stored(t)).isEqualTo(2);
    }
}
