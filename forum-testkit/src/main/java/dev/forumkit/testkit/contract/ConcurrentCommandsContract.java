package dev.forumkit.testkit.contract;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.thread.ForumThread;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Random commands from several threads at once: counters must equal a recount after any interleaving. */
public abstract class ConcurrentCommandsContract extends ContractBase {

    @Test
    void concurrentRandomCommandsKeepEveryCounterEqualToARecount() {
        RandomCommands commands = new RandomCommands(fx(), clock, 1, 8);
        Random warmUp = new Random(99);
        while (commands.threads().size() < 4) {
            commands.step(warmUp);
        }
        int workers = 8;
        Concurrently.run(workers, i -> {
            Random random = new Random(500L + i);
            for (int step = 0; step < 150; step++) {
                try {
                    commands.step(random);
                } catch (RuntimeException e) {
                    throw new AssertionError("worker " + i + " (seed " + (500L + i) + ") failed; last commands:\n  "
                            + commands.recentCommands(), e);
                }
            }
            return null;
        });

        assertThat(forum.counters().recountAsSystem(false).differences())
                .as("counters after %d concurrent commands", commands.commandsRun()).isEmpty();
        for (ThreadId id : commands.threads()) {
            ForumThread t = read(() -> storage.threads().byId(id)).orElseThrow();
            assertThat(read(() -> storage.posts().byNumberRange(id, 1, Integer.MAX_VALUE, true)))
                    .extracting(Post::number).as("numbers of thread %s", id)
                    .isEqualTo(IntStream.rangeClosed(1, t.postCounter()).boxed().toList());
        }
        assertThat(commands.refusals()).isLessThan(commands.commandsRun() / 2);
    }
}
