package dev.forumkit.testkit.contract;

import dev.forumkit.core.Forum;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.counter.RecountReport;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.reaction.ReactionType;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.testkit.ForumFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Long seeded sequences of random commands by random actors; afterwards (and along the way) every counter must
 * equal a recount and every thread's numbers must be dense. A failure names its seed and the last commands; rerun
 * one seed by calling {@link #runAndCheck(Forum, long, int)} from a test of your own.
 */
public abstract class RandomCommandsContract extends ContractBase {
    private static final int STEPS = 600;
    private static final int CHECK_EVERY = 150;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 2L, 3L, 42L, 20260105L})
    void randomCommandsKeepEveryCounterEqualToARecount(long seed) {
        runAndCheck(forum, seed, STEPS);
    }

    @Test
    void randomCommandsWithCustomReactionWeightsKeepEveryCounterEqualToARecount() {
        ReactionTypes weighty = ReactionTypes.of(List.of(new ReactionType("up", "Up", 3),
                new ReactionType("meh", "Meh", 0), new ReactionType("down", "Down", -2)));
        try (Forum custom = ForumFixture.forum(counted, clock, c -> c.reactionTypes(weighty))) {
            runAndCheck(custom, 7L, STEPS);
        }
    }

    /** Runs {@code steps} random commands from {@code seed} on an empty forum and checks every invariant. */
    protected void runAndCheck(Forum on, long seed, int steps) {
        ForumFixture fx = ForumFixture.on(on, counted);
        RandomCommands commands = new RandomCommands(fx, clock, 2, 6);
        Random random = new Random(seed);
        for (int i = 1; i <= steps; i++) {
            try {
                commands.step(random);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + ", step " + i + " failed; last commands:\n  "
                        + commands.recentCommands(), e);
            }
            if (i % CHECK_EVERY == 0 || i == steps) {
                check(on, seed, i, commands);
            }
        }
        assertThat(commands.threads()).as("seed %d started threads", seed).isNotEmpty();
        assertThat(commands.refusals()).as("seed %d: most commands should succeed", seed).isLessThan(steps / 2);
    }

    private void check(Forum on, long seed, int step, RandomCommands commands) {
        RecountReport report = on.counters().recountAsSystem(false);
        if (!report.clean()) {
            fail("seed " + seed + ", after step " + step + ": counters differ from a recount: " + report.differences()
                    + "\nlast commands:\n  " + commands.recentCommands());
        }
        for (ThreadId id : commands.threads()) {
            ForumThread t = read(() -> storage.threads().byId(id)).orElseThrow();
            List<Integer> numbers = read(() -> storage.posts().byNumberRange(id, 1, Integer.MAX_VALUE, true))
                    .stream().map(Post::number).toList();
            assertThat(numbers).as("seed %d, step %d: numbers of thread %s", seed, step, id)
                    .isEqualTo(IntStream.rangeClosed(1, t.postCounter()).boxed().toList());
        }
    }
}
