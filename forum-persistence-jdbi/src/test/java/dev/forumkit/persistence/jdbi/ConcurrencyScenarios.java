package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.counter.RecountReport;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races through the real services on a real database: post numbers stay dense and unique, and counters equal a
 * recount, whatever the interleaving. Each database has a subclass.
 */
abstract class ConcurrencyScenarios {
    static final int REPLIERS = 32;
    static final int REPLIES_EACH = 200;
    static final int REACTORS = 64;
    static final int TOGGLES_EACH = 25;

    private JdbiForumStorage storage;
    private Forum forum;
    private ForumFixture fx;

    /** A fresh, empty storage whose pool has room for every racing thread. */
    protected abstract JdbiForumStorage createStorage(int connections);

    protected abstract void dispose(JdbiForumStorage storage);

    @BeforeEach
    void open() {
        storage = createStorage(REACTORS + 4);
        forum = ForumFixture.forum(storage, Clock.systemUTC());
        fx = ForumFixture.on(forum);
    }

    @AfterEach
    void close() {
        forum.close();
        dispose(storage);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void concurrentRepliesGetEveryNumberExactlyOnce() throws Exception {
        StartedThread thread = fx.thread().start();
        List<Member> repliers = IntStream.range(0, REPLIERS).mapToObj(i -> fx.member()).toList();

        long t0 = System.nanoTime();
        List<List<Integer>> perWorker = race(repliers.size(), i -> {
            List<Integer> mine = new ArrayList<>();
            for (int n = 0; n < REPLIES_EACH; n++) {
                mine.add(forum.posts().reply(Actor.member(repliers.get(i).id()), thread.id(), "reply " + n).number());
            }
            return mine;
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: %d replies by %d threads in %.2f s (%.0f replies/s)%n", getClass().getSimpleName(),
                REPLIERS * REPLIES_EACH, REPLIERS, seconds, REPLIERS * REPLIES_EACH / seconds);

        int total = REPLIERS * REPLIES_EACH + 1;
        List<Integer> given = new ArrayList<>();
        perWorker.forEach(given::addAll);
        Collections.sort(given);
        assertThat(given).containsExactlyElementsOf(IntStream.rangeClosed(2, total).boxed().toList());
        for (List<Integer> mine : perWorker) {
            assertThat(mine).as("one member's replies are numbered in the order they were made").isSorted();
        }

        List<Post> stored = storage.transactions().readOnly(() -> storage.posts().byNumberRange(thread.id(), 1, total + 10, true));
        assertThat(stored).extracting(Post::number).containsExactlyElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
        ForumThread t = fx.reload(thread.id());
        assertThat(t.postCounter()).isEqualTo(total);
        assertThat(t.replyCount()).isEqualTo(total - 1);
        assertThat(t.lastPost().number()).isEqualTo(total);
        assertThat(fx.reload(fx.board()).postCount()).isEqualTo(total);
        assertClean();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void racingReactionsLeaveTheAuthorsScoreEqualToARecount() throws Exception {
        Member author = fx.member("author");
        StartedThread thread = fx.thread().by(author).withReplies(1).start();
        PostId target = thread.first().id();
        PostId other = thread.replies().get(0).id();
        List<Member> reactors = IntStream.range(0, REACTORS).mapToObj(i -> fx.member()).toList();
        List<String> types = forum.reactionTypes().all().stream().map(t -> t.key()).toList();

        race(reactors.size(), i -> {
            Random random = new Random(i);
            Actor me = Actor.member(reactors.get(i).id());
            for (int n = 0; n < TOGGLES_EACH; n++) {
                PostId post = random.nextInt(4) == 0 ? other : target;
                if (random.nextInt(3) == 0) {
                    forum.reactions().unreact(me, post);
                } else {
                    forum.reactions().react(me, post, types.get(random.nextInt(types.size())));
                }
            }
            return null;
        });

        RecountReport report = forum.counters().recountAsSystem(false);
        assertThat(report.differences()).isEmpty();
        long expected = storage.transactions().readOnly(() -> {
            long sum = 0;
            for (var e : storage.reactions().countsByPost(List.of(target, other)).values()) {
                sum += forum.reactionTypes().score(e);
            }
            return sum;
        });
        assertThat(fx.reload(author).reactionScore()).isEqualTo(expected);
    }

    private void assertClean() {
        assertThat(forum.counters().recountAsSystem(false).differences()).isEmpty();
    }

    interface Work<T> {
        T run(int worker) throws Exception;
    }

    /** Runs the workers at once (released together) and returns their results in worker order. */
    static <T> List<T> race(int workers, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                int worker = i;
                Callable<T> task = () -> {
                    start.await();
                    return work.run(worker);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(4, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
