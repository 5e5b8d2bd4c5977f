package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.reaction.ReactionResult;
import dev.forumkit.core.reaction.ReactionType;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Reactions through the service: one per member and post, replace and remove, weights, and who may react. */
public abstract class ReactionRulesContract extends ContractBase {
    private Member author;
    private Member bob;
    private StartedThread thread;
    private Post post;

    @BeforeEach
    void thread() {
        author = fx().member("author");
        bob = fx().member("bob");
        thread = fx().thread().by(author).withReplies(1).start();
        post = thread.post(2);
    }

    private long score() {
        return fx().reload(author).reactionScore();
    }

    private Map<String, Integer> counts() {
        return read(() -> storage.reactions().countsByPost(List.of(post.id()))).getOrDefault(post.id(), Map.of());
    }

    @Test
    void theDefaultTypesWeighLikeLoveHahaWowPlusOneSadZeroAngryMinusOne() {
        assertThat(forum.reactionTypes().all()).extracting(ReactionType::key, ReactionType::weight).containsExactly(
                tuple("like", 1), tuple("love", 1),
                tuple("haha", 1), tuple("wow", 1),
                tuple("sad", 0), tuple("angry", -1));
    }

    @Test
    void aReactionCountsOnThePostAndInTheAuthorsScore() {
        ReactionResult result = forum.reactions().react(actor(bob), post.id(), "like");

        assertThat(result.counts()).isEqualTo(Map.of("like", 1));
        assertThat(result.yourReaction()).isEqualTo("like");
        assertThat(result.authorId()).isEqualTo(author.id());
        assertThat(result.authorReactionScore()).isEqualTo(1);
        assertThat(score()).isEqualTo(1);
        assertThat(counts()).isEqualTo(Map.of("like", 1));
        assertCountersMatchRecount();
    }

    @Test
    void reactingWithAnotherTypeReplacesTheReaction() {
        forum.reactions().react(actor(bob), post.id(), "love");
        ReactionResult result = forum.reactions().react(actor(bob), post.id(), "angry");

        assertThat(result.counts()).isEqualTo(Map.of("angry", 1));
        assertThat(result.authorReactionScore()).isEqualTo(-1);
        assertThat(read(() -> storage.reactions().find(post.id(), bob.id())).orElseThrow().type()).isEqualTo("angry");
        assertThat(score()).isEqualTo(-1);
        assertCountersMatchRecount();
    }

    @Test
    void reactingTwiceWithTheSameTypeChangesNothing() {
        forum.reactions().react(actor(bob), post.id(), "wow");
        ReactionResult again = forum.reactions().react(actor(bob), post.id(), "wow");

        assertThat(again.counts()).isEqualTo(Map.of("wow", 1));
        assertThat(score()).isEqualTo(1);
    }

    @Test
    void removingAReactionTakesItsWeightBack() {
        forum.reactions().react(actor(bob), post.id(), "haha");
        ReactionResult result = forum.reactions().unreact(actor(bob), post.id());

        assertThat(result.counts()).isEmpty();
        assertThat(result.yourReaction()).isNull();
        assertThat(result.authorReactionScore()).isZero();
        assertThat(read(() -> storage.reactions().find(post.id(), bob.id()))).isEmpty();
        assertThat(score()).isZero();
        assertThat(forum.reactions().unreact(actor(bob), post.id()).counts()).as("removing nothing is fine").isEmpty();
        assertCountersMatchRecount();
    }

    @Test
    void everyDefaultTypeAddsItsWeightToTheScore() {
        List<String> keys = List.of("like", "love", "haha", "wow", "sad", "angry");
        for (String key : keys) {
            forum.reactions().react(actor(fx().member()), post.id(), key);
        }

        assertThat(counts()).isEqualTo(Map.of("like", 1, "love", 1, "haha", 1, "wow", 1, "sad", 1, "angry", 1));
        assertThat(score()).isEqualTo(3);
        assertCountersMatchRecount();
    }

    @Test
    void scoresAddUpAcrossPostsAndOnlyForTheirAuthor() {
        Post first = thread.first();
        forum.reactions().react(actor(bob), first.id(), "like");
        forum.reactions().react(actor(bob), post.id(), "love");
        Post bobsReply = fx().reply(bob, thread.id());
        forum.reactions().react(actor(author), bobsReply.id(), "angry");

        assertThat(score()).isEqualTo(2);
        assertThat(fx().reload(bob).reactionScore()).isEqualTo(-1);
        assertCountersMatchRecount();
    }

    @Test
    void membersCannotReactToTheirOwnPosts() {
        assertThatThrownBy(() -> forum.reactions().react(actor(author), post.id(), "like"))
                .isInstanceOf(NotAllowedException.class);
        assertThat(counts()).isEmpty();
        assertThat(score()).isZero();
    }

    @Test
    void nobodyReactsToADeletedPost() {
        forum.posts().delete(actor(fx().moderator()), post.id(), "spam");

        assertThatThrownBy(() -> forum.reactions().react(actor(bob), post.id(), "like"))
                .as("hidden from members").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.reactions().react(actor(fx().moderator()), post.id(), "like"))
                .as("staff see it but may not react").isInstanceOf(NotAllowedException.class);
        assertThat(counts()).isEmpty();
        assertCountersMatchRecount();
    }

    @Test
    void nobodyReactsToAPostInADeletedThread() {
        forum.threads().delete(actor(fx().moderator()), thread.id(), "");

        assertThatThrownBy(() -> forum.reactions().react(actor(bob), post.id(), "like")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.reactions().react(actor(fx().admin()), post.id(), "like"))
                .isInstanceOf(NotAllowedException.class);
        assertThat(counts()).isEmpty();
    }

    @Test
    void guestsAndBannedMembersCannotReact() {
        assertThatThrownBy(() -> forum.reactions().react(Actor.guest(), post.id(), "like"))
                .isInstanceOfSatisfying(NotAllowedException.class, e -> assertThat(e.signInRequired()).isTrue());
        forum.members().ban(actor(fx().moderator()), bob.id(), "trolling", null);
        assertThatThrownBy(() -> forum.reactions().react(actor(bob), post.id(), "like")).isInstanceOf(NotAllowedException.class);
        assertThat(counts()).isEmpty();
    }

    @Test
    void anUnknownTypeIsInvalidInput() {
        assertThatThrownBy(() -> forum.reactions().react(actor(bob), post.id(), "meh"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).extracting(InvalidInputException.FieldError::field).containsExactly("type"));
        assertThatThrownBy(() -> forum.reactions().react(actor(bob), post.id(), null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theThreadPageShowsCountsAndTheViewersOwnReaction() {
        forum.reactions().react(actor(bob), post.id(), "like");
        forum.reactions().react(actor(fx().member()), post.id(), "sad");

        var asBob = forum.reading().threadPage(actor(bob), thread.id(), 1).posts().items().get(1);
        var asGuest = forum.reading().threadPage(Actor.guest(), thread.id(), 1).posts().items().get(1);
        var asAuthor = forum.reading().threadPage(actor(author), thread.id(), 1).posts().items().get(1);

        assertThat(asBob.reactionCounts()).isEqualTo(Map.of("like", 1, "sad", 1));
        assertThat(asBob.viewerReaction()).isEqualTo("like");
        assertThat(asBob.canReact()).isTrue();
        assertThat(asBob.author().reactionScore()).isEqualTo(1);
        assertThat(asGuest.viewerReaction()).isNull();
        assertThat(asGuest.canReact()).isFalse();
        assertThat(asAuthor.canReact()).isFalse();
    }
}
