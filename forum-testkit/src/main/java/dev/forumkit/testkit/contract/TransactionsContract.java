package dev.forumkit.testkit.contract;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.session.Session;
import dev.forumkit.core.thread.ForumThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code Transactions}: work is all or nothing, nested work joins the outer transaction. */
public abstract class TransactionsContract extends ContractBase {
    private PortRows rows;

    @BeforeEach
    void rows() {
        rows = new PortRows(storage);
    }

    private static final class Boom extends RuntimeException {
        Boom() {
            super("the work failed on purpose");
        }
    }

    @Test
    void inTransactionReturnsTheResultAndRunRunsTheWork() {
        Member m = tx(() -> storage.members().add(Member.withoutId("alice", "alice@example.org", "h", clock.instant(), Role.MEMBER)));
        storage.transactions().run(() -> storage.members().addCounters(m.id(), 1, 0));
        assertThat(read(() -> storage.members().byId(m.id())).orElseThrow().messageCount()).isEqualTo(1);
    }

    @Test
    void aMemberAddedInFailedWorkIsGone() {
        assertThatThrownBy(() -> txRun(() -> {
            storage.members().add(Member.withoutId("alice", "alice@example.org", "h", clock.instant(), Role.MEMBER));
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertThat(read(() -> storage.members().byUsername("alice"))).isEmpty();
        assertThat(read(() -> storage.members().byEmail("alice@example.org"))).isEmpty();
        assertThat(read(() -> storage.members().count())).isZero();
        // the username and e-mail are free again
        assertThat(tx(() -> storage.members().add(Member.withoutId("ALICE", "alice@example.org", "h", clock.instant(), Role.MEMBER))))
                .isNotNull();
    }

    @Test
    void everyKindOfWriteInFailedWorkIsUndone() {
        Board board = rows.board("Cycling");
        Member alice = rows.member("alice", clock.instant());
        Member bob = rows.member("bob", clock.instant());
        ForumThread thread = rows.thread(board, alice, clock.instant());
        Post first = rows.post(thread.id(), alice, clock.instant());
        ForumThread threadBefore = rows.reload(thread);
        Board boardBefore = read(() -> storage.boards().byId(board.id())).orElseThrow();
        Member aliceBefore = read(() -> storage.members().byId(alice.id())).orElseThrow();

        assertThatThrownBy(() -> txRun(() -> {
            storage.members().add(Member.withoutId("carol", "carol@example.org", "h", clock.instant(), Role.MEMBER));
            storage.members().update(aliceBefore.withCustomTitle("changed"));
            storage.members().addCounters(alice.id(), 5, 5);
            storage.boards().addCounters(board.id(), 1, 1);
            storage.boards().offerLastPost(board.id(), LastPost.of(first));
            storage.threads().update(threadBefore.withLocked(true).withTitle("changed"));
            int n = storage.threads().allocatePostNumber(thread.id());
            Post reply = storage.posts().add(Post.withoutId(thread.id(), n, bob.id(), "reply", clock.instant()));
            storage.threads().addReplies(thread.id(), 1);
            storage.threads().setLastPost(thread.id(), LastPost.of(reply));
            storage.threads().addViews(Map.of(thread.id(), 9L));
            storage.posts().update(first.withDeletion(new Deletion(bob.id(), clock.instant(), "x")));
            storage.reactions().put(new Reaction(first.id(), bob.id(), alice.id(), "like", clock.instant()));
            storage.readStates().markRead(bob.id(), thread.id(), 2);
            storage.sessions().add(new Session("f".repeat(64), bob.id(), clock.instant(), clock.instant().plus(Duration.ofDays(1))));
            storage.threads().add(ForumThread.withoutId(board.id(), "another", bob.id(), clock.instant()));
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertThat(read(() -> storage.members().byUsername("carol"))).isEmpty();
        assertThat(read(() -> storage.members().byId(alice.id()))).contains(aliceBefore);
        assertThat(read(() -> storage.boards().byId(board.id()))).contains(boardBefore);
        assertThat(rows.reload(thread)).isEqualTo(threadBefore);
        assertThat(read(() -> storage.posts().byNumberRange(thread.id(), 1, 10, true))).containsExactly(first);
        assertThat(read(() -> storage.reactions().find(first.id(), bob.id()))).isEmpty();
        assertThat(read(() -> storage.readStates().lastRead(bob.id(), thread.id()))).isZero();
        assertThat(read(() -> storage.sessions().byTokenHash("f".repeat(64)))).isEmpty();
        assertThat(read(() -> storage.threads().countAll(true))).isEqualTo(1);
        assertThat(tx(() -> storage.threads().allocatePostNumber(thread.id()))).isEqualTo(2);
    }

    @Test
    void nestedWorkJoinsTheOuterTransaction() {
        assertThatThrownBy(() -> txRun(() -> {
            txRun(() -> storage.members().add(Member.withoutId("inner", "inner@example.org", "h", clock.instant(), Role.MEMBER)));
            storage.members().add(Member.withoutId("outer", "outer@example.org", "h", clock.instant(), Role.MEMBER));
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertThat(read(() -> storage.members().byUsername("inner"))).as("committed only with the outer work").isEmpty();
        assertThat(read(() -> storage.members().count())).isZero();
    }

    @Test
    void workSeesItsOwnWritesAndReadOnlySeesCommittedOnes() {
        Member m = tx(() -> {
            Member added = storage.members().add(Member.withoutId("alice", "alice@example.org", "h", clock.instant(), Role.MEMBER));
            assertThat(storage.members().byUsername("alice")).contains(added);
            storage.members().addCounters(added.id(), 2, 0);
            assertThat(storage.members().byId(added.id()).orElseThrow().messageCount()).isEqualTo(2);
            return added;
        });
        assertThat(read(() -> storage.members().byId(m.id()).orElseThrow().messageCount())).isEqualTo(2);
    }

    @Test
    void aDuplicatePostNumberFailsTheWholeTransaction() {
        Board board = rows.board("Cycling");
        Member alice = rows.member("alice", clock.instant());
        ForumThread thread = rows.thread(board, alice, clock.instant());
        Post first = rows.post(thread.id(), alice, clock.instant());

        assertThatThrownBy(() -> txRun(() -> {
            storage.posts().add(Post.withoutId(thread.id(), 2, alice.id(), "second", clock.instant()));
            storage.posts().add(Post.withoutId(thread.id(), 1, alice.id(), "first again", clock.instant()));
        })).isInstanceOf(ConflictException.class);

        assertThat(read(() -> storage.posts().byNumberRange(thread.id(), 1, 10, true))).isEqualTo(List.of(first));
    }
}
