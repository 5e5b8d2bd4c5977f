package dev.forumkit.testkit.contract;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.thread.ForumThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code Reactions} port, called directly inside transactions. */
public abstract class ReactionsPortContract extends ContractBase {
    private PortRows rows;
    private Member alice;
    private Member bob;
    private Member carol;
    private ForumThread thread;
    private Post byAlice;
    private Post byBob;

    @BeforeEach
    void rows() {
        rows = new PortRows(storage);
        Board board = rows.board("Cycling");
        alice = rows.member("alice", clock.instant());
        bob = rows.member("bob", clock.instant());
        carol = rows.member("carol", clock.instant());
        thread = rows.thread(board, alice, clock.instant());
        byAlice = rows.post(thread.id(), alice, clock.instant());
        byBob = rows.post(thread.id(), bob, clock.instant());
    }

    private Reaction reaction(Post post, Member from, String type) {
        return new Reaction(post.id(), from.id(), post.authorId(), type, clock.instant());
    }

    private void put(Post post, Member from, String type) {
        txRun(() -> storage.reactions().put(reaction(post, from, type)));
    }

    @Test
    void putStoresAReactionThatFindReturns() {
        Reaction r = reaction(byAlice, bob, "like");
        txRun(() -> storage.reactions().put(r));

        assertThat(read(() -> storage.reactions().find(byAlice.id(), bob.id()))).contains(r);
        assertThat(read(() -> storage.reactions().find(byAlice.id(), carol.id()))).isEmpty();
        assertThat(read(() -> storage.reactions().find(byBob.id(), bob.id()))).isEmpty();
    }

    @Test
    void putAgainReplacesTheMembersReaction() {
        put(byAlice, bob, "like");
        clock.advanceSeconds(10);
        Reaction angry = reaction(byAlice, bob, "angry");
        txRun(() -> storage.reactions().put(angry));

        assertThat(read(() -> storage.reactions().find(byAlice.id(), bob.id()))).contains(angry);
        assertThat(read(() -> storage.reactions().countsByPost(List.of(byAlice.id()))))
                .isEqualTo(Map.of(byAlice.id(), Map.of("angry", 1)));
    }

    @Test
    void removeDeletesOnlyThatReactionAndTellsWhetherThereWasOne() {
        put(byAlice, bob, "like");
        put(byAlice, carol, "wow");

        assertThat(tx(() -> storage.reactions().remove(byAlice.id(), bob.id()))).isTrue();
        assertThat(tx(() -> storage.reactions().remove(byAlice.id(), bob.id()))).isFalse();
        assertThat(read(() -> storage.reactions().find(byAlice.id(), bob.id()))).isEmpty();
        assertThat(read(() -> storage.reactions().find(byAlice.id(), carol.id()))).isPresent();
    }

    @Test
    void countsByPostGroupsByTypeAndLeavesOutPostsWithoutReactions() {
        put(byAlice, bob, "like");
        put(byAlice, carol, "like");
        put(byBob, carol, "sad");
        put(byBob, alice, "like");
        Post quiet = rows.post(thread.id(), carol, clock.instant());

        Map<PostId, Map<String, Integer>> counts = read(() -> storage.reactions().countsByPost(List.of(byAlice.id(), byBob.id(), quiet.id())));

        assertThat(counts).isEqualTo(Map.of(byAlice.id(), Map.of("like", 2), byBob.id(), Map.of("sad", 1, "like", 1)));
        assertThat(read(() -> storage.reactions().countsByPost(List.of()))).isEmpty();
    }

    @Test
    void typesByGivesOneMembersReactionPerPost() {
        put(byAlice, carol, "haha");
        put(byBob, carol, "love");
        put(byBob, alice, "angry");
        Post quiet = rows.post(thread.id(), bob, clock.instant());

        assertThat(read(() -> storage.reactions().typesBy(carol.id(), List.of(byAlice.id(), byBob.id(), quiet.id()))))
                .isEqualTo(Map.of(byAlice.id(), "haha", byBob.id(), "love"));
        assertThat(read(() -> storage.reactions().typesBy(bob.id(), List.of(byAlice.id(), byBob.id())))).isEmpty();
    }

    @Test
    void countsByReceiverInThreadGroupsByPostAuthorOverNotDeletedPosts() {
        Post bobsSecond = rows.post(thread.id(), bob, clock.instant());
        Post bobsDeleted = rows.post(thread.id(), bob, clock.instant());
        put(byAlice, bob, "like");
        put(byBob, carol, "like");
        put(byBob, alice, "angry");
        put(bobsSecond, carol, "like");
        put(bobsDeleted, carol, "love");
        txRun(() -> storage.posts().update(bobsDeleted.withDeletion(new Deletion(alice.id(), clock.instant(), ""))));
        ForumThread other = rows.thread(rows.board("Other"), alice, clock.instant());
        put(rows.post(other.id(), bob, clock.instant()), carol, "wow");

        Map<MemberId, Map<String, Integer>> counts = read(() -> storage.reactions().countsByReceiverInThread(thread.id()));

        assertThat(counts).isEqualTo(Map.of(alice.id(), Map.of("like", 1), bob.id(), Map.of("like", 2, "angry", 1)));
    }

    @Test
    void forEachVisitsEveryReaction() {
        put(byAlice, bob, "like");
        put(byAlice, carol, "sad");
        put(byBob, alice, "wow");
        List<Reaction> seen = new ArrayList<>();
        read(() -> {
            storage.reactions().forEach(seen::add);
            return null;
        });
        assertThat(seen).containsExactlyInAnyOrder(reaction(byAlice, bob, "like"), reaction(byAlice, carol, "sad"),
                reaction(byBob, alice, "wow"));
    }
}
