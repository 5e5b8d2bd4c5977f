package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.Forum;
import dev.forumkit.core.post.PostId;
import dev.forumkit.testkit.ForumFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acknowledged command survives a crash whole: a child JVM writes posts from 4 threads and reports each acknowledged
 * id, is killed with SIGKILL at a random moment, and the reopened database must hold every acknowledged post with
 * counters equal to a recount. The control run shows the test can see a loss: with H2's default write delay it does.
 * With the 4 writers and without the write gate of JdbiTransactions this failed 17 s into the run
 * ({@code member 1 message_count: stored 181, expected 182}); with one writer it never had.
 */
class H2CrashDurabilityIT {
    private static final int CYCLES = 20;
    private static final int CONTROL_CYCLES = 6;
    private Path dir;

    @BeforeEach
    void dir() {
        dir = TempDirs.create("forumkit-crash");
    }

    @AfterEach
    void clean() {
        TempDirs.delete(dir);
    }

    @Test
    void everyAcknowledgedPostSurvivesSigkill() throws Exception {
        String url = ConnectionPools.embeddedH2Url(dir);
        assertThat(url).contains("WRITE_DELAY=0");
        Random random = new Random();
        List<Long> all = new ArrayList<>();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            List<Long> acked = runAndKill(url, 300 + random.nextInt(900));
            all.addAll(acked);
            List<Long> missing = missing(url, all, true);
            assertThat(missing).as("acknowledged posts missing after kill -9 in cycle %d (of %d acknowledged so far)",
                    cycle, all.size()).isEmpty();
        }
        System.out.printf("crash test: %d cycles, %d acknowledged posts, none lost%n", CYCLES, all.size());
        // a loaded machine slows the writer down; at least one acknowledged post per cycle on average
        assertThat(all).as("the writer got work done").hasSizeGreaterThanOrEqualTo(CYCLES);
    }

    @Test
    void theControlRunWithTheDefaultWriteDelayLosesAcknowledgedPosts() throws Exception {
        // the same database settings but H2's default: commits reach the file up to half a second later
        String url = ConnectionPools.embeddedH2Url(dir).replace("WRITE_DELAY=0", "WRITE_DELAY=500");
        List<Long> all = new ArrayList<>();
        int lossyCycles = 0;
        for (int cycle = 1; cycle <= CONTROL_CYCLES && lossyCycles == 0; cycle++) {
            List<Long> acked = runAndKill(url, 400 + cycle * 100);
            all.addAll(acked);
            // the unsafe setting breaks more than durability: H2's background writer stores the file at any moment,
            // also in the middle of a transaction, where the write gate cannot help, so H2 has kept a post row
            // without the counter updates of its own transaction; counters are reported here, not asserted
            List<Long> missing = missing(url, all, false);
            if (!missing.isEmpty()) {
                lossyCycles++;
                System.out.printf("control: cycle %d lost %d of %d acknowledged posts%n", cycle, missing.size(), acked.size());
                all.removeAll(missing);
            }
        }
        assertThat(lossyCycles).as("the unsafe setting lost acknowledged posts in at least one of %d cycles", CONTROL_CYCLES)
                .isPositive();
    }

    /** Starts the writer, lets it write for about {@code millis} after it is ready, kills it; returns the acks. */
    private static List<Long> runAndKill(String url, long millis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> acked = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else if (line.startsWith("ACK ")) {
                        acked.add(Long.parseLong(line.substring(4)));
                    }
                }
            } catch (IOException e) {
                // the pipe breaks when the child dies
            }
        });
        reader.start();
        try {
            assertThat(ready.await(60, TimeUnit.SECONDS)).as("the writer started").isTrue();
            Thread.sleep(millis);
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no H2 close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
        }
        return acked;
    }

    /** Reopens the database, returns the acknowledged posts it lacks, and compares the counters with a recount. */
    private static List<Long> missing(String url, List<Long> acked, boolean countersMustMatch) {
        try (JdbiForumStorage storage = JdbiForumStorage.owning(ConnectionPools.hikari(url, "sa", "", TestPools.patient(2)));
             Forum forum = ForumFixture.forum(storage, Clock.systemUTC())) {
            List<Long> missing = storage.transactions().readOnly(() -> acked.stream()
                    .filter(id -> storage.posts().byId(PostId.of(id)).isEmpty()).toList());
            List<?> differences = forum.counters().recountAsSystem(false).differences();
            if (countersMustMatch) {
                assertThat(differences).as("counters after the crash").isEmpty();
            } else if (!differences.isEmpty()) {
                System.out.printf("control: counters differ from a recount after the crash: %s%n", differences);
            }
            return missing;
        }
    }
}
