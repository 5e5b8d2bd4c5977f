package dev.forumkit.testkit.contract;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Edit;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.thread.ForumThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code Posts} port, called directly inside transactions. */
public abstract class PostsPortContract extends ContractBase {
    private PortRows rows;
    private Board board;
    private Member alice;
    private Member bob;
    private ForumThread thread;

    @BeforeEach
    void rows() {
        rows = new PortRows(storage);
        board = rows.board("Cycling");
        alice = rows.member("alice", clock.instant());
        bob = rows.member("bob", clock.instant());
        thread = rows.thread(board, alice, clock.instant());
    }

    private Post get(PostId id) {
        return read(() -> storage.posts().byId(id)).orElseThrow();
    }

    private void delete(Post p) {
        txRun(() -> storage.posts().update(get(p.id()).withDeletion(new Deletion(alice.id(), clock.instant(), "spam"))));
    }

    private static List<Integer> numbers(List<Post> posts) {
        return posts.stream().map(Post::number).toList();
    }

    @Test
    void addAssignsAnIdAndStoresEveryField() {
        String body = "Line one\n\nLine two with ümlauts, 漢字 and an emoji 🚲\n  indented";
        Post p = tx(() -> storage.posts().add(Post.withoutId(thread.id(), 1, bob.id(), body, clock.instant())));

        Post stored = get(p.id());
        assertThat(stored).isEqualTo(p);
        assertThat(stored.id().value()).isPositive();
        assertThat(stored.threadId()).isEqualTo(thread.id());
        assertThat(stored.number()).isEqualTo(1);
        assertThat(stored.authorId()).isEqualTo(bob.id());
        assertThat(stored.body()).isEqualTo(body);
        assertThat(stored.createdAt()).isEqualTo(clock.instant());
        assertThat(stored.lastEdit()).isNull();
        assertThat(stored.deletion()).isNull();
        assertThat(read(() -> storage.posts().byId(PostId.of(p.id().value() + 1000)))).isEmpty();
    }

    @Test
    void theRenderingIsStoredBesideTheSourceAndUpdatedWithIt() {
        Post p = tx(() -> storage.posts().add(Post.withoutId(thread.id(), 1, bob.id(), "*hi*", clock.instant())
                .withRendering("<p><em>hi</em></p>", "test/1")));
        assertThat(get(p.id())).isEqualTo(p);
        assertThat(get(p.id()).html()).isEqualTo("<p><em>hi</em></p>");
        assertThat(get(p.id()).renderVersion()).isEqualTo("test/1");

        txRun(() -> storage.posts().update(get(p.id()).edited("**ho**", alice.id(), clock.instant())
                .withRendering("<p><strong>ho</strong></p>", "test/2")));
        assertThat(get(p.id()).html()).isEqualTo("<p><strong>ho</strong></p>");
        assertThat(get(p.id()).renderVersion()).isEqualTo("test/2");

        Post plain = tx(() -> storage.posts().add(Post.withoutId(thread.id(), 2, bob.id(), "unrendered", clock.instant())));
        assertThat(get(plain.id()).html()).isNull();
        assertThat(get(plain.id()).renderVersion()).isNull();
    }

    @Test
    void aTakenNumberInTheSameThreadIsAConflict() {
        tx(() -> storage.posts().add(Post.withoutId(thread.id(), 1, alice.id(), "first", clock.instant())));

        assertThatThrownBy(() -> tx(() -> storage.posts().add(Post.withoutId(thread.id(), 1, bob.id(), "again", clock.instant()))))
                .isInstanceOf(ConflictException.class);
        assertThat(read(() -> storage.posts().byNumberRange(thread.id(), 1, 10, true))).extracting(Post::body).containsExactly("first");
    }

    @Test
    void theSameNumberInAnotherThreadIsFine() {
        ForumThread other = rows.thread(board, alice, clock.instant());
        tx(() -> storage.posts().add(Post.withoutId(thread.id(), 1, alice.id(), "here", clock.instant())));
        Post there = tx(() -> storage.posts().add(Post.withoutId(other.id(), 1, alice.id(), "there", clock.instant())));
        assertThat(get(there.id()).number()).isEqualTo(1);
    }

    @Test
    void updateWritesBodyEditAndDeletionOnly() {
        Post p = rows.post(thread.id(), bob, clock.instant());
        Edit edit = new Edit(clock.advanceSeconds(60), alice.id(), 1);
        Deletion deletion = new Deletion(alice.id(), clock.instant(), "rude");
        Post tampered = new Post(p.id(), rows.thread(board, alice, clock.instant()).id(), 77, alice.id(), "new body",
                clock.instant(), edit, deletion);

        txRun(() -> storage.posts().update(tampered));

        Post stored = get(p.id());
        assertThat(stored.body()).isEqualTo("new body");
        assertThat(stored.lastEdit()).isEqualTo(edit);
        assertThat(stored.deletion()).isEqualTo(deletion);
        assertThat(stored.threadId()).isEqualTo(thread.id());
        assertThat(stored.number()).isEqualTo(p.number());
        assertThat(stored.authorId()).isEqualTo(bob.id());
        assertThat(stored.createdAt()).isEqualTo(p.createdAt());

        txRun(() -> storage.posts().update(stored.withDeletion(null)));
        assertThat(get(p.id()).deletion()).isNull();
    }

    @Test
    void afterIdPagesEveryPostInIdOrderDeletedOnesToo() {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posts.add(rows.post(i % 2 == 0 ? thread.id() : rows.thread(board, bob, clock.instant()).id(), alice, clock.instant()));
        }
        delete(posts.get(1));
        List<PostId> ids = posts.stream().map(Post::id).toList();

        List<Post> first = read(() -> storage.posts().afterId(null, 2));
        List<Post> second = read(() -> storage.posts().afterId(first.get(1).id(), 2));
        List<Post> third = read(() -> storage.posts().afterId(second.get(1).id(), 2));

        assertThat(first).extracting(Post::id).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(first.get(1).isDeleted()).isTrue();
        assertThat(second).extracting(Post::id).containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(third).extracting(Post::id).containsExactly(ids.get(4));
        assertThat(read(() -> storage.posts().afterId(ids.get(4), 2))).isEmpty();
        assertThat(third.get(0)).isEqualTo(get(ids.get(4)));
    }

    @Test
    void byIdsReturnsThePostsThatExistDeletedOnesToo() {
        Post a = rows.post(thread.id(), alice, clock.instant());
        Post b = rows.post(rows.thread(board, bob, clock.instant()).id(), bob, clock.instant());
        Post c = rows.post(thread.id(), bob, clock.instant());
        delete(c);
        PostId missing = PostId.of(c.id().value() + 1000);

        Map<PostId, Post> found = read(() -> storage.posts().byIds(List.of(b.id(), missing, a.id(), c.id(), a.id())));

        assertThat(found).containsOnlyKeys(a.id(), b.id(), c.id());
        assertThat(found.get(a.id())).isEqualTo(get(a.id()));
        assertThat(found.get(b.id())).isEqualTo(get(b.id()));
        assertThat(found.get(c.id()).isDeleted()).isTrue();
        assertThat(read(() -> storage.posts().byIds(List.of()))).isEmpty();
        assertThat(read(() -> storage.posts().byIds(List.of(missing)))).isEmpty();
    }

    @Test
    void byNumberRangeIsInclusiveOrderedAndFiltersDeleted() {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            posts.add(rows.post(thread.id(), alice, clock.instant()));
        }
        rows.post(rows.thread(board, alice, clock.instant()).id(), alice, clock.instant()); // another thread's #1
        delete(posts.get(2));

        assertThat(numbers(read(() -> storage.posts().byNumberRange(thread.id(), 2, 5, true)))).containsExactly(2, 3, 4, 5);
        assertThat(numbers(read(() -> storage.posts().byNumberRange(thread.id(), 2, 5, false)))).containsExactly(2, 4, 5);
        assertThat(numbers(read(() -> storage.posts().byNumberRange(thread.id(), 1, 100, true)))).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(numbers(read(() -> storage.posts().byNumberRange(thread.id(), 4, 4, false)))).containsExactly(4);
        assertThat(read(() -> storage.posts().byNumberRange(thread.id(), 7, 20, true))).isEmpty();
        assertThat(read(() -> storage.posts().byNumberRange(thread.id(), 5, 4, true))).isEmpty();
    }

    @Test
    void recentVisibleByAuthorIsNewestFirstAndSkipsDeletedPostsAndThreads() {
        Post p1 = rows.post(thread.id(), bob, clock.advanceSeconds(1));
        Post p2 = rows.post(thread.id(), bob, clock.advanceSeconds(1));
        Post deleted = rows.post(thread.id(), bob, clock.advanceSeconds(1));
        rows.post(thread.id(), alice, clock.advanceSeconds(1));
        ForumThread doomed = rows.thread(board, alice, clock.instant());
        rows.post(doomed.id(), bob, clock.advanceSeconds(1));
        Post p3 = rows.post(rows.thread(board, alice, clock.instant()).id(), bob, clock.advanceSeconds(1));
        delete(deleted);
        txRun(() -> storage.threads().update(rows.reload(doomed).withDeletion(new Deletion(alice.id(), clock.instant(), ""))));

        assertThat(read(() -> storage.posts().recentVisibleByAuthor(bob.id(), 10))).extracting(Post::id)
                .containsExactly(p3.id(), p2.id(), p1.id());
        assertThat(read(() -> storage.posts().recentVisibleByAuthor(bob.id(), 2))).extracting(Post::id)
                .containsExactly(p3.id(), p2.id());
    }

    @Test
    void lastVisibleInThreadIsTheHighestNumberNotDeleted() {
        assertThat(read(() -> storage.posts().lastVisibleInThread(thread.id()))).isEmpty();
        rows.post(thread.id(), alice, clock.instant());
        Post second = rows.post(thread.id(), bob, clock.instant());
        Post third = rows.post(thread.id(), bob, clock.instant());
        assertThat(read(() -> storage.posts().lastVisibleInThread(thread.id()))).contains(third);

        delete(third);
        assertThat(read(() -> storage.posts().lastVisibleInThread(thread.id()))).contains(second);
    }

    @Test
    void visibleCountsByAuthorCountNotDeletedPostsOfTheThread() {
        rows.post(thread.id(), alice, clock.instant());
        rows.post(thread.id(), bob, clock.instant());
        Post gone = rows.post(thread.id(), bob, clock.instant());
        rows.post(thread.id(), bob, clock.instant());
        rows.post(rows.thread(board, alice, clock.instant()).id(), alice, clock.instant());
        delete(gone);

        Map<MemberId, Integer> counts = read(() -> storage.posts().visibleCountsByAuthor(thread.id()));
        assertThat(counts).containsOnly(Map.entry(alice.id(), 1), Map.entry(bob.id(), 2));
    }

    @Test
    void forEachVisitsEveryPostInIdOrder() {
        ForumThread other = rows.thread(board, alice, clock.instant());
        List<PostId> added = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            added.add(rows.post(thread.id(), alice, clock.instant()).id());
            added.add(rows.post(other.id(), bob, clock.instant()).id());
        }
        delete(get(added.get(1)));
        List<PostId> seen = new ArrayList<>();
        read(() -> {
            storage.posts().forEach(p -> seen.add(p.id()));
            return null;
        });
        assertThat(seen).containsExactlyElementsOf(added.stream().sorted((x, y) -> Long.compare(x.value(), y.value())).toList());
    }
}
