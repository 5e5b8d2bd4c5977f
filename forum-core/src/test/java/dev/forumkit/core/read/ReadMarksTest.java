package dev.forumkit.core.read;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostView;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in page view buffers the read mark: no write per view, yet every read sees it, and a flush stores it. */
class ReadMarksTest {
    @Test
    void a_viewed_thread_reads_as_read_at_once_and_is_stored_at_the_flush() {
        InMemoryForumStorage storage = new InMemoryForumStorage();
        Member reader;
        Post opening;
        try (Forum forum = Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000))
                .viewFlushInterval(Duration.ofHours(1)))) { // the timer never fires in this test
            Member admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password"));
            Member ann = forum.members().register(new Registration("ann", "ann@example.org", "another password"));
            Actor asAdmin = Actor.member(admin.id());
            Actor asAnn = Actor.member(ann.id());
            Category general = forum.boards().createCategory(asAdmin, "General", "");
            Board board = forum.boards().createBoard(asAdmin, general.id(), "Cycling", "", "");
            Post first = forum.threads().start(asAdmin, board.id(), "Route tips", "Where do you ride?");
            forum.posts().reply(asAdmin, first.threadId(), "Along the river.");

            assertThat(forum.reading().boardPage(asAnn, board.id(), 1).threads().items().get(0).unread()).isTrue();
            ThreadPage seen = forum.reading().threadPage(asAnn, first.threadId(), 1);
            assertThat(seen.posts().items()).allMatch(PostView::unread);

            assertThat(storage.transactions().readOnly(() -> storage.readStates().lastRead(ann.id(), first.threadId())))
                    .as("no write for the view yet").isZero();
            assertThat(forum.reading().lastRead(ann.id(), first.threadId())).isEqualTo(2);
            assertThat(forum.reading().boardPage(asAnn, board.id(), 1).threads().items().get(0).unread()).isFalse();
            assertThat(forum.reading().threadPage(asAnn, first.threadId(), 1).posts().items()).noneMatch(PostView::unread);

            forum.flushViews();
            assertThat(storage.transactions().readOnly(() -> storage.readStates().lastRead(ann.id(), first.threadId())))
                    .isEqualTo(2);

            forum.posts().reply(asAdmin, first.threadId(), "And the hills.");
            ThreadPage again = forum.reading().threadPage(asAnn, first.threadId(), 1);
            assertThat(again.posts().items()).extracting(PostView::unread).containsExactly(false, false, true);
            forum.posts().reply(asAdmin, first.threadId(), "And the coast.");
            forum.reading().threadPage(asAnn, first.threadId(), 1);
            assertThat(forum.reading().lastRead(ann.id(), first.threadId())).isEqualTo(4);
            reader = ann;
            opening = first;
        } // close flushes
        assertThat(storage.transactions().readOnly(() -> storage.readStates().lastRead(reader.id(), opening.threadId())))
                .isEqualTo(4);
    }

    @Test
    void the_alerts_a_viewed_page_covers_go_read_with_the_flush_not_with_the_view() {
        InMemoryForumStorage storage = new InMemoryForumStorage();
        try (Forum forum = Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000))
                .viewFlushInterval(Duration.ofHours(1)).outboxPollInterval(Duration.ZERO))) {
            Member admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password"));
            Member ann = forum.members().register(new Registration("ann", "ann@example.org", "another password"));
            Actor asAdmin = Actor.member(admin.id());
            Actor asAnn = Actor.member(ann.id());
            Board board = forum.boards().createBoard(asAdmin, forum.boards().createCategory(asAdmin, "General", "").id(), "B", "", "");
            Post first = forum.threads().start(asAnn, board.id(), "Route tips", "Where do you ride?"); // ann watches it
            forum.posts().reply(asAdmin, first.threadId(), "Along the river.");
            forum.outbox().drain();
            assertThat(forum.alerts().unreadCount(asAnn)).isEqualTo(1);

            forum.reading().threadPage(asAnn, first.threadId(), 1);
            assertThat(forum.alerts().unreadCount(asAnn)).as("the view writes nothing of its own").isEqualTo(1);
            forum.flushViews();
            assertThat(forum.alerts().unreadCount(asAnn)).as("read with the mark").isZero();

            forum.posts().reply(asAdmin, first.threadId(), "And the hills.");
            forum.outbox().drain();
            assertThat(forum.alerts().unreadCount(asAnn)).as("news again").isEqualTo(1);
        }
    }

    @Test
    void a_mark_never_moves_back_and_a_flush_writes_each_once() {
        InMemoryForumStorage storage = new InMemoryForumStorage();
        try (Forum forum = Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO))) {
            Member admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password"));
            Member bo = forum.members().register(new Registration("bob", "bob@example.org", "another password"));
            Actor asAdmin = Actor.member(admin.id());
            Board board = forum.boards().createBoard(asAdmin, forum.boards().createCategory(asAdmin, "General", "").id(), "B", "", "");
            Post first = forum.threads().start(asAdmin, board.id(), "T", "one");
            ReadMarks marks = new ReadMarks(storage, true);
            marks.record(bo.id(), first.threadId(), 9);
            marks.record(bo.id(), first.threadId(), 4);
            assertThat(storage.transactions().readOnly(() -> marks.lastRead(bo.id(), first.threadId()))).isEqualTo(9);
            assertThat(storage.transactions().readOnly(() -> marks.lastRead(bo.id(), java.util.List.of(first.threadId()))))
                    .containsEntry(first.threadId(), 9);
            assertThat(marks.pending()).isEqualTo(1);
            assertThat(marks.flush()).isEqualTo(1);
            assertThat(marks.flush()).isZero();
            assertThat(storage.transactions().readOnly(() -> storage.readStates().lastRead(bo.id(), first.threadId()))).isEqualTo(9);
        }
    }
}
