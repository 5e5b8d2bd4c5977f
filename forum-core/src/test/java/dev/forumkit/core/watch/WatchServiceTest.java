package dev.forumkit.core.watch;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.read.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatchServiceTest {
    private final Forum forum = Forum.create(new InMemoryForumStorage(),
            c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO));
    private final Member admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password"));
    private final Member ann = forum.members().register(new Registration("ann", "ann@example.org", "a long password"));
    private final Category category = forum.boards().createCategory(as(admin), "General", "");
    private final Board board = forum.boards().createBoard(as(admin), category.id(), "Cycling", "", "");
    private final WatchService watching = forum.watching();

    @AfterEach
    void close() {
        forum.close();
    }

    private static Actor as(Member m) {
        return Actor.member(m.id());
    }

    @Test
    void a_member_watches_and_unwatches_a_thread_and_may_change_the_email_choice() {
        Post first = forum.threads().start(as(admin), board.id(), "Rules", "Be nice");

        ThreadWatch watch = watching.watchThread(as(ann), first.threadId(), false);
        ThreadWatch withEmail = watching.watchThread(as(ann), first.threadId(), true);

        assertThat(withEmail.since()).isEqualTo(watch.since());
        assertThat(watching.threadWatch(as(ann), first.threadId())).contains(withEmail);
        assertThat(watching.unwatchThread(as(ann), first.threadId())).isTrue();
        assertThat(watching.unwatchThread(as(ann), first.threadId())).isFalse();
        assertThat(watching.threadWatch(as(ann), first.threadId())).isEmpty();
    }

    @Test
    void a_member_watches_a_board_for_new_threads_or_every_post() {
        BoardWatch watch = watching.watchBoard(as(ann), board.id(), true, false);

        assertThat(watch.everyPost()).isTrue();
        assertThat(watching.boardWatch(as(ann), board.id())).contains(watch);
        assertThat(watching.watchedBoards(as(ann), 1).items()).singleElement()
                .satisfies(w -> assertThat(w.board().title()).isEqualTo("Cycling"));
        assertThat(watching.unwatchBoard(as(ann), board.id())).isTrue();
        assertThat(watching.watchedBoards(as(ann), 1).total()).isZero();
    }

    @Test
    void guests_watch_nothing_and_missing_or_deleted_content_cannot_be_watched() {
        Post first = forum.threads().start(as(admin), board.id(), "Rules", "Be nice");
        forum.threads().delete(as(admin), first.threadId(), "");

        assertThatThrownBy(() -> watching.watchThread(Actor.guest(), first.threadId(), false)).isInstanceOf(NotAllowedException.class);
        assertThat(watching.threadWatch(Actor.guest(), first.threadId())).isEmpty();
        assertThatThrownBy(() -> watching.watchThread(as(ann), first.threadId(), false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> watching.watchBoard(as(ann), dev.forumkit.core.board.BoardId.of(999), false, false))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_watched_threads_list_is_paged_and_hides_threads_deleted_since() {
        List<Post> threads = new ArrayList<>();
        for (int i = 0; i < WatchService.PER_PAGE + 5; i++) {
            Post p = forum.threads().start(as(admin), board.id(), "Thread " + i, "Body");
            threads.add(p);
            watching.watchThread(as(ann), p.threadId(), false);
        }
        forum.threads().delete(as(admin), threads.get(0).threadId(), "");

        Page<WatchedThread> one = watching.watchedThreads(as(ann), 1);
        Page<WatchedThread> two = watching.watchedThreads(as(ann), 2);

        assertThat(one.total()).isEqualTo(WatchService.PER_PAGE + 5);
        assertThat(one.lastPage()).isEqualTo(2);
        assertThat(one.items()).hasSize(WatchService.PER_PAGE);
        assertThat(two.items()).hasSize(5);
        assertThat(two.items()).filteredOn(w -> w.thread() == null).singleElement()
                .satisfies(w -> assertThat(w.watch().thread()).isEqualTo(threads.get(0).threadId()));
    }
}
