package dev.forumkit.testkit.contract;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.thread.ThreadPlace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code Threads} port, called directly inside transactions (listing orders are in {@link ThreadListingPortContract}). */
public abstract class ThreadsPortContract extends ContractBase {
    private PortRows rows;
    private Board board;
    private Member alice;

    @BeforeEach
    void rows() {
        rows = new PortRows(storage);
        board = rows.board("Cycling");
        alice = rows.member("alice", clock.instant());
    }

    private ForumThread thread(ThreadId id) {
        return read(() -> storage.threads().byId(id)).orElseThrow();
    }

    @Test
    void addAssignsAnIdAndStartsEveryCounterAtZero() {
        ForumThread t = tx(() -> storage.threads().add(ForumThread.withoutId(board.id(), "Winter tyres?", alice.id(), clock.instant())));

        ForumThread stored = thread(t.id());
        assertThat(stored).isEqualTo(t);
        assertThat(stored.id().value()).isPositive();
        assertThat(stored.boardId()).isEqualTo(board.id());
        assertThat(stored.title()).isEqualTo("Winter tyres?");
        assertThat(stored.starterId()).isEqualTo(alice.id());
        assertThat(stored.createdAt()).isEqualTo(clock.instant());
        assertThat(stored.pinned()).isFalse();
        assertThat(stored.locked()).isFalse();
        assertThat(stored.deletion()).isNull();
        assertThat(stored.postCounter()).isZero();
        assertThat(stored.replyCount()).isZero();
        assertThat(stored.viewCount()).isZero();
        assertThat(stored.lastPost()).isNull();
    }

    @Test
    void byIdsAndByIdForUpdateFindExistingThreadsOnly() {
        ForumThread a = rows.thread(board, alice, clock.instant());
        ForumThread b = rows.thread(board, alice, clock.instant());
        ThreadId missing = ThreadId.of(Math.max(a.id().value(), b.id().value()) + 1000);

        assertThat(read(() -> storage.threads().byIds(List.of(a.id(), b.id(), missing))))
                .containsOnly(Map.entry(a.id(), a), Map.entry(b.id(), b));
        assertThat(tx(() -> storage.threads().byIdForUpdate(a.id()))).contains(a);
        assertThat(tx(() -> storage.threads().byIdForUpdate(missing))).isEmpty();
        assertThat(read(() -> storage.threads().byId(missing))).isEmpty();
    }

    @Test
    void byIdWithPlaceReadsTheThreadItsBoardAndItsCategoryAsTheirOwnReadsDo() {
        Category category = rows.category("Outdoors", 7);
        Board other = rows.board(category, "Hiking", 3);
        ForumThread t = rows.thread(other, alice, clock.instant());
        LastPost last = LastPost.of(rows.post(t.id(), alice, clock.advanceSeconds(3)));
        txRun(() -> storage.threads().setLastPost(t.id(), last));
        txRun(() -> storage.boards().setCounters(other.id(), 1, 5, last)); // the board's counters and last post too
        ForumThread missingLast = rows.thread(board, alice, clock.instant());

        ThreadPlace place = read(() -> storage.threads().byIdWithPlace(t.id())).orElseThrow();
        assertThat(place.thread()).isEqualTo(thread(t.id()));
        assertThat(place.thread().lastPost()).isEqualTo(last);
        assertThat(place.board()).isEqualTo(read(() -> storage.boards().byId(other.id())).orElseThrow());
        assertThat(place.board().lastPost()).isEqualTo(last);
        assertThat(place.board().postCount()).isEqualTo(5);
        assertThat(place.category()).isEqualTo(category);
        ThreadPlace bare = read(() -> storage.threads().byIdWithPlace(missingLast.id())).orElseThrow();
        assertThat(bare.thread()).isEqualTo(missingLast);
        assertThat(bare.board()).isEqualTo(read(() -> storage.boards().byId(board.id())).orElseThrow());
        assertThat(bare.board().lastPost()).isNull();
        assertThat(bare.category()).isEqualTo(read(() -> storage.categories().byId(board.categoryId())).orElseThrow());
    }

    @Test
    void byIdWithPlaceFindsDeletedAndMovedThreadsAndNoMissingOne() {
        Board other = rows.board("Elsewhere");
        ForumThread t = rows.thread(board, alice, clock.instant());
        Deletion deletion = new Deletion(alice.id(), clock.advanceSeconds(5), "spam");
        txRun(() -> storage.threads().update(t.withBoard(other.id()).withDeletion(deletion)));

        ThreadPlace place = read(() -> storage.threads().byIdWithPlace(t.id())).orElseThrow();
        assertThat(place.thread().deletion()).isEqualTo(deletion);
        assertThat(place.board().id()).isEqualTo(other.id());
        assertThat(place.category().id()).isEqualTo(other.categoryId());
        assertThat(read(() -> storage.threads().byIdWithPlace(ThreadId.of(t.id().value() + 1000)))).isEmpty();
    }

    @Test
    void updateWritesBoardTitleFlagsAndDeletionButNoCounter() {
        Board other = rows.board("Other");
        ForumThread t = rows.thread(board, alice, clock.instant());
        rows.post(t.id(), alice, clock.instant());
        txRun(() -> storage.threads().addReplies(t.id(), 4));
        Deletion deletion = new Deletion(alice.id(), clock.advanceSeconds(5), "off topic");

        ForumThread changed = thread(t.id()).withBoard(other.id()).withTitle("Renamed").withPinned(true).withLocked(true)
                .withDeletion(deletion).withCounters(99, null);
        txRun(() -> storage.threads().update(changed));

        ForumThread stored = thread(t.id());
        assertThat(stored.boardId()).isEqualTo(other.id());
        assertThat(stored.title()).isEqualTo("Renamed");
        assertThat(stored.pinned()).isTrue();
        assertThat(stored.locked()).isTrue();
        assertThat(stored.deletion()).isEqualTo(deletion);
        assertThat(stored.postCounter()).isEqualTo(1);
        assertThat(stored.replyCount()).isEqualTo(4);

        txRun(() -> storage.threads().update(stored.withDeletion(null).withPinned(false)));
        assertThat(thread(t.id()).deletion()).isNull();
        assertThat(thread(t.id()).pinned()).isFalse();
    }

    @Test
    void allocatePostNumberCountsUpPerThread() {
        ForumThread a = rows.thread(board, alice, clock.instant());
        ForumThread b = rows.thread(board, alice, clock.instant());

        assertThat(tx(() -> storage.threads().allocatePostNumber(a.id()))).isEqualTo(1);
        assertThat(tx(() -> storage.threads().allocatePostNumber(a.id()))).isEqualTo(2);
        assertThat(tx(() -> storage.threads().allocatePostNumber(b.id()))).isEqualTo(1);
        assertThat(tx(() -> List.of(storage.threads().allocatePostNumber(a.id()), storage.threads().allocatePostNumber(a.id()))))
                .containsExactly(3, 4);
        assertThat(thread(a.id()).postCounter()).isEqualTo(4);
    }

    @Test
    void aNumberAllocatedInAFailedTransactionIsGivenOutAgain() {
        ForumThread t = rows.thread(board, alice, clock.instant());
        rows.post(t.id(), alice, clock.instant());

        assertThatThrownBy(() -> txRun(() -> {
            storage.threads().allocatePostNumber(t.id());
            throw new IllegalStateException("the insert failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(tx(() -> storage.threads().allocatePostNumber(t.id()))).as("numbers stay dense").isEqualTo(2);
    }

    @Test
    void addReplyMovesTheCounterTheReplyCountAndTheLastPostTogether() {
        ForumThread t = rows.thread(board, alice, clock.instant());
        rows.post(t.id(), alice, clock.instant()); // the first post: counter 1, no reply
        LastPost reply = tx(() -> {
            ForumThread locked = storage.threads().byIdForUpdate(t.id()).orElseThrow();
            int number = locked.postCounter() + 1;
            LastPost last = LastPost.of(storage.posts().add(dev.forumkit.core.post.Post.withoutId(t.id(), number, alice.id(),
                    "a reply", clock.advanceSeconds(30))));
            storage.threads().addReply(t.id(), last);
            return last;
        });

        ForumThread stored = thread(t.id());
        assertThat(reply.number()).isEqualTo(2);
        assertThat(stored.postCounter()).isEqualTo(2);
        assertThat(stored.replyCount()).isEqualTo(1);
        assertThat(stored.lastPost()).isEqualTo(reply);
        assertThat(stored.lastActivityAt()).isEqualTo(reply.at());
        assertThat(tx(() -> storage.threads().allocatePostNumber(t.id()))).as("the next number follows").isEqualTo(3);
    }

    @Test
    void addReplyRefusesANumberThatIsNotTheCounterPlusOneAndChangesNothing() {
        ForumThread t = rows.thread(board, alice, clock.instant());
        LastPost first = LastPost.of(rows.post(t.id(), alice, clock.instant()));
        txRun(() -> storage.threads().setLastPost(t.id(), first));
        LastPost stale = new LastPost(first.postId(), t.id(), 1, alice.id(), clock.advanceSeconds(30)); // counter is 1 already
        LastPost skipping = new LastPost(first.postId(), t.id(), 3, alice.id(), clock.advanceSeconds(30));
        ThreadId missing = ThreadId.of(t.id().value() + 1000);

        assertThatThrownBy(() -> txRun(() -> storage.threads().addReply(t.id(), stale))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> txRun(() -> storage.threads().addReply(t.id(), skipping))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> txRun(() -> storage.threads().addReply(missing,
                new LastPost(first.postId(), missing, 1, alice.id(), clock.instant())))).isInstanceOf(RuntimeException.class);

        ForumThread stored = thread(t.id());
        assertThat(stored.postCounter()).isEqualTo(1);
        assertThat(stored.replyCount()).isZero();
        assertThat(stored.lastPost()).isEqualTo(first);
    }

    @Test
    void addRepliesAddsAndSubtracts() {
        ForumThread t = rows.thread(board, alice, clock.instant());
        txRun(() -> storage.threads().addReplies(t.id(), 3));
        txRun(() -> storage.threads().addReplies(t.id(), -1));
        assertThat(thread(t.id()).replyCount()).isEqualTo(2);
    }

    @Test
    void setLastPostOverwritesThePointer() {
        ForumThread t = rows.thread(board, alice, clock.instant());
        LastPost first = LastPost.of(rows.post(t.id(), alice, clock.instant()));
        LastPost second = LastPost.of(rows.post(t.id(), alice, clock.advanceSeconds(30)));

        txRun(() -> storage.threads().setLastPost(t.id(), second));
        assertThat(thread(t.id()).lastPost()).isEqualTo(second);
        assertThat(thread(t.id()).lastActivityAt()).isEqualTo(second.at());
        txRun(() -> storage.threads().setLastPost(t.id(), first));
        assertThat(thread(t.id()).lastPost()).isEqualTo(first);
        txRun(() -> storage.threads().setLastPost(t.id(), null));
        assertThat(thread(t.id()).lastPost()).isNull();
    }

    @Test
    void addViewsAddsABatchToSeveralThreads() {
        ForumThread a = rows.thread(board, alice, clock.instant());
        ForumThread b = rows.thread(board, alice, clock.instant());
        ForumThread untouched = rows.thread(board, alice, clock.instant());

        txRun(() -> storage.threads().addViews(Map.of(a.id(), 3L, b.id(), 1L)));
        txRun(() -> storage.threads().addViews(Map.of(a.id(), 2L)));
        txRun(() -> storage.threads().addViews(Map.of()));

        assertThat(thread(a.id()).viewCount()).isEqualTo(5);
        assertThat(thread(b.id()).viewCount()).isEqualTo(1);
        assertThat(thread(untouched.id()).viewCount()).isZero();
    }

    @Test
    void setCountersOverwritesRepliesAndLastPost() {
        ForumThread t = rows.thread(board, alice, clock.instant());
        LastPost last = LastPost.of(rows.post(t.id(), alice, clock.instant()));
        txRun(() -> storage.threads().addReplies(t.id(), 7));

        txRun(() -> storage.threads().setCounters(t.id(), 2, last));

        assertThat(thread(t.id()).replyCount()).isEqualTo(2);
        assertThat(thread(t.id()).lastPost()).isEqualTo(last);
        assertThat(thread(t.id()).postCounter()).as("never touched by setCounters").isEqualTo(1);
    }

    @Test
    void forEachVisitsEveryThreadInIdOrder() {
        List<ThreadId> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            added.add(rows.thread(board, alice, clock.advanceSeconds(1)).id());
        }
        txRun(() -> storage.threads().update(thread(added.get(2)).withDeletion(new Deletion(alice.id(), clock.instant(), ""))));
        List<ThreadId> seen = new ArrayList<>();
        read(() -> {
            storage.threads().forEach(t -> seen.add(t.id()));
            return null;
        });
        assertThat(seen).as("deleted threads included").containsExactlyElementsOf(
                added.stream().sorted((x, y) -> Long.compare(x.value(), y.value())).toList());
    }
}
