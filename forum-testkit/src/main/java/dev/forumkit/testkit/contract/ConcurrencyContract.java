package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.reaction.ReactionType;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;

/** Invariants under concurrent commands: dense post numbers, exact scores and counters, no lost views. */
public abstract class ConcurrencyContract extends ContractBase {
    private static final int REPLIERS = 32;
    private static final int REPLIES_EACH = 200;

    private List<Member> members(int n) {
        return IntStream.range(0, n).mapToObj(i -> fx().member("worker" + i)).toList();
    }

    @Test
    void concurrentRepliesToOneThreadGetEveryNumberFrom1To6401ExactlyOnce() {
        List<Member> repliers = members(REPLIERS);
        StartedThread t = fx().thread().by(fx().moderator()).start();

        List<List<Integer>> numbers = Concurrently.run(REPLIERS, i -> {
            List<Integer> mine = new ArrayList<>(REPLIES_EACH);
            for (int r = 0; r < REPLIES_EACH; r++) {
                mine.add(forum.posts().reply(actor(repliers.get(i)), t.id(), "reply " + r + " from worker " + i).post().number());
            }
            return mine;
        });

        int total = REPLIERS * REPLIES_EACH + 1;
        List<Integer> expected = IntStream.rangeClosed(1, total).boxed().toList();
        List<Integer> returned = new ArrayList<>(List.of(1));
        numbers.forEach(returned::addAll);
        assertThat(returned.stream().sorted().toList()).as("numbers handed out").isEqualTo(expected);
        List<Post> stored = read(() -> storage.posts().byNumberRange(t.id(), 1, Integer.MAX_VALUE, true));
        assertThat(stored).extracting(Post::number).as("numbers stored").isEqualTo(expected);
        Map<Long, Long> perAuthor = stored.stream().collect(Collectors.groupingBy(p -> p.authorId().value(), Collectors.counting()));
        repliers.forEach(m -> assertThat(perAuthor.get(m.id().value())).isEqualTo(REPLIES_EACH));

        ForumThread thread = fx().reload(t.id());
        assertThat(thread.postCounter()).isEqualTo(total);
        assertThat(thread.replyCount()).isEqualTo(total - 1);
        assertThat(thread.lastPost().number()).isEqualTo(total);
        assertThat(fx().reload(fx().board()).postCount()).isEqualTo(total);
        repliers.forEach(m -> assertThat(fx().reload(m).messageCount()).isEqualTo(REPLIES_EACH));
        assertCountersMatchRecount();
    }

    @Test
    void concurrentReactionsToOnePostKeepTheAuthorsScoreEqualToARecount() {
        int reactors = 64;
        List<Member> members = members(reactors);
        Member author = fx().member("author");
        Post post = fx().thread().by(author).start().first();
        List<ReactionType> types = forum.reactionTypes().all();

        List<Optional<String>> finalChoice = Concurrently.run(reactors, i -> {
            Random random = new Random(1000L + i);
            Actor me = actor(members.get(i));
            String current = null;
            for (int op = 0; op < 25; op++) {
                if (random.nextInt(10) < 3) {
                    forum.reactions().unreact(me, post.id());
                    current = null;
                } else {
                    current = types.get(random.nextInt(types.size())).key();
                    forum.reactions().react(me, post.id(), current);
                }
            }
            return Optional.ofNullable(current);
        });

        Map<String, Integer> expectedCounts = new HashMap<>();
        long expectedScore = 0;
        for (int i = 0; i < reactors; i++) {
            Member m = members.get(i);
            Optional<String> choice = finalChoice.get(i);
            assertThat(read(() -> storage.reactions().find(post.id(), m.id())).map(r -> r.type())).isEqualTo(choice);
            if (choice.isPresent()) {
                expectedCounts.merge(choice.get(), 1, Integer::sum);
                expectedScore += forum.reactionTypes().weight(choice.get());
            }
        }
        assertThat(read(() -> storage.reactions().countsByPost(List.of(post.id()))).getOrDefault(post.id(), Map.of()))
                .isEqualTo(expectedCounts);
        assertThat(fx().reload(author).reactionScore()).isEqualTo(expectedScore);
        assertCountersMatchRecount();
    }

    @Test
    void concurrentRegistrationsOfOneUsernameLetExactlyOneWin() {
        fx();
        List<Boolean> won = Concurrently.run(8, i -> {
            try {
                forum.members().register(new Registration(i % 2 == 0 ? "Racer" : "racer", "racer" + i + "@example.org",
                        ForumFixture.PASSWORD));
                return true;
            } catch (InvalidInputException | ConflictException e) { // taken: seen by the check, or by the unique key
                return false;
            }
        });
        assertThat(won).containsOnlyOnce(true);
        assertThat(forum.members().byUsername("RACER")).isPresent();
    }

    @Test
    void concurrentFirstAdminRegistrationsMakeExactlyOneAdmin() {
        List<Member> joined = Concurrently.run(8, i -> {
            try {
                return forum.members().registerFirstAdmin(
                        new Registration("founder" + i, "founder" + i + "@example.org", ForumFixture.PASSWORD));
            } catch (dev.forumkit.core.ConflictException lost) {
                return null;
            }
        });

        List<Member> admins = joined.stream().filter(java.util.Objects::nonNull).toList();
        assertThat(admins).as("first admins made").hasSize(1);
        assertThat(admins).extracting(this::storedRole).containsExactly(Role.ADMIN);
        assertThat(read(() -> storage.members().count())).as("losers leave no member behind").isEqualTo(1);
    }

    private Role storedRole(Member m) {
        return read(() -> storage.members().byId(m.id())).orElseThrow().role();
    }

    @Test
    void concurrentViewsAndFlushesLoseNoView() {
        StartedThread one = fx().thread().start();
        StartedThread two = fx().thread().start();
        int viewers = 4;
        int viewsEach = 500;
        CountDownLatch viewersLeft = new CountDownLatch(viewers);

        Concurrently.run(viewers + 1, i -> {
            if (i == viewers) { // the flusher, as Forum's timer would run it
                while (viewersLeft.getCount() > 0) {
                    forum.flushViews();
                    Thread.yield();
                }
                return null;
            }
            try {
                for (int v = 0; v < viewsEach; v++) {
                    forum.reading().threadPage(Actor.guest(), (v + i) % 2 == 0 ? one.id() : two.id(), 1);
                }
            } finally {
                viewersLeft.countDown();
            }
            return null;
        });
        forum.flushViews();

        long stored = fx().reload(one.id()).viewCount() + fx().reload(two.id()).viewCount();
        assertThat(stored).isEqualTo((long) viewers * viewsEach);
    }
}
