package dev.forumkit.core.feed;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.thread.ForumThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Feeds and sitemap lists on the in-memory storage: what the actor may read, bounded, and no view counted. */
class FeedServiceTest {
    private Forum forum;
    private Actor admin;
    private Actor ann;
    private Board open;
    private Board hidden;

    @BeforeEach
    void setUp() {
        forum = Forum.create(new InMemoryForumStorage(), c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000))
                .viewFlushInterval(Duration.ZERO).clock(new Ticking()));
        admin = Actor.member(forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password")).id());
        ann = Actor.member(forum.members().register(new Registration("ann", "ann@example.org", "another password")).id());
        Category general = forum.boards().createCategory(admin, "General", "");
        open = forum.boards().createBoard(admin, general.id(), "Cycling", "", "");
        hidden = forum.boards().createBoard(admin, general.id(), "Staff room", "", "");
        forum.permissions().set(admin, new Grant(Grant.Subject.group(GroupId.GUESTS), Grant.Scope.board(hidden.id()),
                Permission.VIEW_BOARD, GrantValue.DENY));
    }

    @AfterEach
    void tearDown() {
        forum.close();
    }

    /** A second passes at every reading, so each command has its own time and activity orders are certain. */
    private static final class Ticking extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public synchronized java.time.Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static List<String> titles(List<FeedThread> threads) {
        return threads.stream().map(t -> t.thread().title()).toList();
    }

    @Test
    void newest_threads_are_by_creation_and_latest_by_activity_both_without_hidden_boards_or_deleted_threads() {
        Post first = forum.threads().start(ann, open.id(), "First", "One");
        forum.threads().start(ann, hidden.id(), "Secret", "Hush");
        Post second = forum.threads().start(ann, open.id(), "Second", "Two");
        Post gone = forum.threads().start(ann, open.id(), "Gone", "Spam");
        forum.threads().delete(admin, gone.threadId(), "spam");
        forum.posts().reply(ann, first.threadId(), "Bump");

        assertThat(titles(forum.feeds().newestThreads(Actor.guest(), 10))).containsExactly("Second", "First");
        assertThat(titles(forum.feeds().latestThreads(Actor.guest(), 10))).containsExactly("First", "Second");
        assertThat(titles(forum.feeds().newestThreads(Actor.guest(), 1))).containsExactly("Second");
        assertThat(titles(forum.feeds().newestThreads(admin, 10))).as("deleted never, even for staff")
                .containsExactly("Second", "Secret", "First");
        FeedThread entry = forum.feeds().newestThreads(Actor.guest(), 10).get(1);
        assertThat(entry.opening().post().id()).isEqualTo(first.id());
        assertThat(entry.opening().html()).contains("One");
        assertThat(entry.starterName()).isEqualTo("ann");
        assertThat(forum.reading().thread(Actor.guest(), second.threadId()).thread().viewCount()).isZero();
    }

    @Test
    void a_thread_feed_holds_its_newest_visible_posts_and_a_hidden_or_deleted_thread_has_none() {
        Post start = forum.threads().start(ann, open.id(), "Long", "Post 1");
        Post last = null;
        for (int i = 2; i <= 5; i++) {
            last = forum.posts().reply(ann, start.threadId(), "Post " + i).post();
        }
        forum.posts().delete(admin, last.id(), "spam");
        ThreadFeed feed = forum.feeds().thread(Actor.guest(), start.threadId(), 3);
        assertThat(feed.posts()).extracting(p -> p.post().number()).containsExactly(4, 3); // #5 deleted, 3 asked
        Post secret = forum.threads().start(ann, hidden.id(), "Secret", "Hush");
        assertThatThrownBy(() -> forum.feeds().thread(Actor.guest(), secret.threadId(), 3)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.feeds().board(Actor.guest(), hidden.id(), 3)).isInstanceOf(NotFoundException.class);
        forum.threads().delete(admin, start.threadId(), "gone");
        assertThatThrownBy(() -> forum.feeds().thread(admin, start.threadId(), 3)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.feeds().thread(admin, start.threadId(), 0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_board_feed_ignores_pins_and_the_sitemap_pages_count_what_the_actor_may_read() {
        Post old = forum.threads().start(ann, open.id(), "Old", "Pinned");
        forum.threads().pin(admin, old.threadId(), true);
        forum.threads().start(ann, open.id(), "New", "Fresh");
        forum.threads().start(ann, hidden.id(), "Secret", "Hush");
        assertThat(titles(forum.feeds().board(Actor.guest(), open.id(), 10).threads())).containsExactly("New", "Old");

        var page1 = forum.feeds().threads(Actor.guest(), 1, 1);
        assertThat(page1.total()).isEqualTo(2);
        assertThat(page1.lastPage()).isEqualTo(2);
        assertThat(page1.items()).extracting(ForumThread::title).containsExactly("New");
        assertThat(forum.feeds().threads(Actor.guest(), 2, 1).items()).extracting(ForumThread::title).containsExactly("Old");
        assertThat(forum.feeds().threads(admin, 1, 10).total()).isEqualTo(3);
        assertThat(forum.feeds().readableBoards(Actor.guest())).extracting(Board::title).containsExactly("Cycling");
    }
}
