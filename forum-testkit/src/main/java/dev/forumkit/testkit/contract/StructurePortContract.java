package dev.forumkit.testkit.contract;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.thread.ForumThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code Categories} and {@code Boards} ports, called directly inside transactions. */
public abstract class StructurePortContract extends ContractBase {
    private PortRows rows;

    @BeforeEach
    void rows() {
        rows = new PortRows(storage);
    }

    private Board board(BoardId id) {
        return read(() -> storage.boards().byId(id)).orElseThrow();
    }

    @Test
    void categoriesAreStoredAndListedByDisplayOrderThenId() {
        Category second = rows.category("Second", 2);
        Category first = rows.category("First", 1);
        Category alsoSecond = rows.category("Also second", 2);

        assertThat(read(() -> storage.categories().byId(first.id()))).contains(first);
        assertThat(first.title()).isEqualTo("First");
        assertThat(first.description()).isEqualTo("about First");
        assertThat(read(() -> storage.categories().all())).containsExactly(first, second, alsoSecond);
        assertThat(read(() -> storage.categories().byId(CategoryId.of(alsoSecond.id().value() + 1000)))).isEmpty();
    }

    @Test
    void categoryUpdateWritesTitleDescriptionAndOrder() {
        Category a = rows.category("A", 1);
        Category b = rows.category("B", 2);
        Category renamed = new Category(a.id(), "Renamed", "new words", 3);

        txRun(() -> storage.categories().update(renamed));

        assertThat(read(() -> storage.categories().byId(a.id()))).contains(renamed);
        assertThat(read(() -> storage.categories().all())).containsExactly(b, renamed);
    }

    @Test
    void aNewBoardHasZeroCountersAndNoLastPost() {
        Category c = rows.category("C", 1);
        Board b = tx(() -> storage.boards().add(Board.withoutId(c.id(), "Road Bikes", "fast ones", "Join us!", 1)));

        Board stored = board(b.id());
        assertThat(stored).isEqualTo(b);
        assertThat(stored.id().value()).isPositive();
        assertThat(stored.categoryId()).isEqualTo(c.id());
        assertThat(stored.title()).isEqualTo("Road Bikes");
        assertThat(stored.slug()).isEqualTo("road-bikes");
        assertThat(stored.description()).isEqualTo("fast ones");
        assertThat(stored.guestNotice()).isEqualTo("Join us!");
        assertThat(stored.threadCount()).isZero();
        assertThat(stored.postCount()).isZero();
        assertThat(stored.lastPost()).isNull();
    }

    @Test
    void boardsAreListedByDisplayOrderThenId() {
        Category c = rows.category("C", 1);
        Board third = rows.board(c, "Third", 3);
        Board first = rows.board(c, "First", 1);
        Board alsoThird = rows.board(c, "Also third", 3);

        assertThat(read(() -> storage.boards().all())).containsExactly(first, third, alsoThird);
        assertThat(read(() -> storage.boards().byId(BoardId.of(alsoThird.id().value() + 1000)))).isEmpty();
    }

    @Test
    void boardUpdateWritesDetailsButNeverCounters() {
        Category c = rows.category("C", 1);
        Category d = rows.category("D", 2);
        Board b = rows.board(c, "Old", 1);
        txRun(() -> storage.boards().addCounters(b.id(), 2, 5));

        txRun(() -> storage.boards().update(b.withDetails(d.id(), "New title", "new text", "notice", 4)
                .withCounters(100, 100, null)));

        Board stored = board(b.id());
        assertThat(stored.categoryId()).isEqualTo(d.id());
        assertThat(stored.title()).isEqualTo("New title");
        assertThat(stored.slug()).isEqualTo("new-title");
        assertThat(stored.description()).isEqualTo("new text");
        assertThat(stored.guestNotice()).isEqualTo("notice");
        assertThat(stored.displayOrder()).isEqualTo(4);
        assertThat(stored.threadCount()).isEqualTo(2);
        assertThat(stored.postCount()).isEqualTo(5);
    }

    @Test
    void addCountersAddsAndSubtracts() {
        Board b = rows.board("B");
        txRun(() -> storage.boards().addCounters(b.id(), 3, 10));
        txRun(() -> storage.boards().addCounters(b.id(), -1, -4));

        assertThat(board(b.id()).threadCount()).isEqualTo(2);
        assertThat(board(b.id()).postCount()).isEqualTo(6);
    }

    @Test
    void offerLastPostKeepsTheNewerPointer() {
        TwoPosts two = twoPosts();
        Board b = two.board();
        LastPost early = two.early();
        LastPost late = two.late();

        txRun(() -> storage.boards().offerLastPost(b.id(), early));
        assertThat(board(b.id()).lastPost()).isEqualTo(early);
        txRun(() -> storage.boards().offerLastPost(b.id(), late));
        assertThat(board(b.id()).lastPost()).isEqualTo(late);
        txRun(() -> storage.boards().offerLastPost(b.id(), early));
        assertThat(board(b.id()).lastPost()).as("an older post never replaces a newer one").isEqualTo(late);
    }

    @Test
    void addPostCountsThePostAndKeepsTheNewerPointerInOneCall() {
        TwoPosts two = twoPosts();
        Board b = two.board();
        LastPost early = two.early();
        LastPost late = two.late();

        txRun(() -> storage.boards().addPost(b.id(), 1, early));
        assertThat(board(b.id()).threadCount()).isEqualTo(1);
        assertThat(board(b.id()).postCount()).isEqualTo(1);
        assertThat(board(b.id()).lastPost()).isEqualTo(early);
        txRun(() -> storage.boards().addPost(b.id(), 0, late));
        assertThat(board(b.id()).lastPost()).isEqualTo(late);
        txRun(() -> storage.boards().addPost(b.id(), 0, early));
        Board stored = board(b.id());
        assertThat(stored.lastPost()).as("an older post never replaces a newer one").isEqualTo(late);
        assertThat(stored.threadCount()).isEqualTo(1);
        assertThat(stored.postCount()).as("counted however old").isEqualTo(3);
    }

    /** A board "B" with a thread holding two posts five minutes apart: their last-post pointers. */
    private record TwoPosts(Board board, LastPost early, LastPost late) {
    }

    private TwoPosts twoPosts() {
        Board b = rows.board("B");
        Member m = rows.member(clock.instant());
        ForumThread t = rows.thread(b, m, clock.instant());
        Instant t0 = clock.instant();
        return new TwoPosts(b, LastPost.of(rows.post(t.id(), m, t0)),
                LastPost.of(rows.post(t.id(), m, t0.plus(Duration.ofMinutes(5)))));
    }

    @Test
    void addPostToAMissingBoardFails() {
        Board b = rows.board("B");
        Member m = rows.member(clock.instant());
        LastPost last = LastPost.of(rows.post(rows.thread(b, m, clock.instant()).id(), m, clock.instant()));
        BoardId missing = BoardId.of(b.id().value() + 1000);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> txRun(() -> storage.boards().addPost(missing, 0, last)))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void offerLastPostBreaksTiesOnPostId() {
        Board b = rows.board("B");
        Member m = rows.member(clock.instant());
        ForumThread t = rows.thread(b, m, clock.instant());
        Post p1 = rows.post(t.id(), m, clock.instant());
        Post p2 = rows.post(t.id(), m, clock.instant());
        LastPost lower = LastPost.of(p1.id().value() < p2.id().value() ? p1 : p2);
        LastPost higher = LastPost.of(p1.id().value() < p2.id().value() ? p2 : p1);

        txRun(() -> storage.boards().offerLastPost(b.id(), higher));
        txRun(() -> storage.boards().offerLastPost(b.id(), lower));

        assertThat(board(b.id()).lastPost()).isEqualTo(higher);
    }

    @Test
    void setLastPostOverwritesEvenWithOlderOrNone() {
        Board b = rows.board("B");
        Member m = rows.member(clock.instant());
        ForumThread t = rows.thread(b, m, clock.instant());
        LastPost early = LastPost.of(rows.post(t.id(), m, clock.instant()));
        LastPost late = LastPost.of(rows.post(t.id(), m, clock.advanceSeconds(60)));
        txRun(() -> storage.boards().offerLastPost(b.id(), late));

        txRun(() -> storage.boards().setLastPost(b.id(), early));
        assertThat(board(b.id()).lastPost()).isEqualTo(early);
        txRun(() -> storage.boards().setLastPost(b.id(), null));
        assertThat(board(b.id()).lastPost()).isNull();
    }

    @Test
    void setCountersOverwritesEveryCounter() {
        Board b = rows.board("B");
        Member m = rows.member(clock.instant());
        ForumThread t = rows.thread(b, m, clock.instant());
        LastPost last = LastPost.of(rows.post(t.id(), m, clock.instant()));
        txRun(() -> storage.boards().addCounters(b.id(), 9, 9));

        txRun(() -> storage.boards().setCounters(b.id(), 1, 4, last));
        Board stored = board(b.id());
        assertThat(stored.threadCount()).isEqualTo(1);
        assertThat(stored.postCount()).isEqualTo(4);
        assertThat(stored.lastPost()).isEqualTo(last);

        txRun(() -> storage.boards().setCounters(b.id(), 0, 0, null));
        assertThat(board(b.id()).lastPost()).isNull();
    }
}
