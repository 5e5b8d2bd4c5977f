import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.session.Session;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The signed-in page's folded reads against the reads they replace (issue 18, task signedin), on the benchmark's H2
 * data set, in one JVM: this thread's CPU time and allocated bytes per read transaction, A and B interleaved in rounds
 * (the load of other processes moves per-thread CPU little). Each pair, as a signed-in thread page does it:
 * <ul>
 *   <li>session: Sessions.byTokenHash + Members.byId against Sessions.withMember;</li>
 *   <li>page: ReadStates.lastRead + Reactions.typesBy (20 posts of a random thread) in one transaction, against
 *       themselves (a control: the two columns should agree); the folded ReadStates.reading (one UNION ALL) it was
 *       measured against cost more and was reverted (docs/performance.md, task signedin);</li>
 *   <li>chrome: Alerts.countUnread + Conversations.countUnread against Alerts.unreadCounts.</li>
 *   <li>tx: Watches.thread and HeldPosts.pendingInThread in two read transactions (as the HTML page does) against
 *       one.</li>
 * </ul>
 * <pre>
 *   javac -cp forum-app/target/forumkit.jar -d bench/out/vr bench/ViewerReadsCost.java
 *   java -Xmx256m -cp forum-app/target/forumkit.jar:bench/out/vr ViewerReadsCost COPY_OF_h2-1000000 [n] [rounds]
 * </pre>
 * It adds one session row to the data set: use a copy.
 */
public final class ViewerReadsCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ForumStorage s = JdbiForumStorage.embeddedH2(Path.of(args[0]));
        Member me = s.transactions().readOnly(() -> s.members().byEmail("member1@example.com")).orElseThrow();
        String hash = String.format("%064x", System.nanoTime());
        s.transactions().run(() -> s.sessions().add(new Session(hash, me.id(), Instant.now(),
                Instant.now().plus(Duration.ofDays(30)))));
        // 500 random threads of 2..40000 (the generator's), with the ids of their first page's posts
        Random random = new Random(1);
        List<ThreadId> threads = new ArrayList<>();
        List<List<PostId>> pages = new ArrayList<>();
        while (threads.size() < 500) {
            ThreadId t = ThreadId.of(2 + random.nextInt(39_999));
            List<PostId> ids = s.transactions().readOnly(() -> s.posts().byNumberRange(t, 1, 20, false))
                    .stream().map(Post::id).toList();
            if (!ids.isEmpty()) {
                threads.add(t);
                pages.add(ids);
            }
        }
        long[] sink = {0};
        IntConsumer sessionA = i -> sink[0] += s.transactions().readOnly(() -> {
            Session x = s.sessions().byTokenHash(hash).orElseThrow();
            return s.members().byId(x.memberId()).orElseThrow();
        }).messageCount();
        IntConsumer sessionB = i -> sink[0] += s.transactions().readOnly(() -> s.sessions().withMember(hash))
                .orElseThrow().member().messageCount();
        IntConsumer pageA = i -> sink[0] += s.transactions().readOnly(() ->
                s.readStates().lastRead(me.id(), threads.get(i % 500))
                        + s.reactions().typesBy(me.id(), pages.get(i % 500)).size());
        IntConsumer pageB = pageA;
        IntConsumer chromeA = i -> sink[0] += s.transactions().readOnly(() ->
                s.alerts().countUnread(me.id()) + s.conversations().countUnread(me.id()));
        IntConsumer chromeB = i -> sink[0] += s.transactions().readOnly(() -> {
            var c = s.alerts().unreadCounts(me.id());
            return c.alerts() + c.conversations();
        });
        // the same two statements (watch, held replies: the page reads each in a transaction of its own) in two read
        // transactions against one: what a transaction costs beyond its statements
        IntConsumer txA = i -> sink[0] += s.transactions().readOnly(() -> s.watches().thread(me.id(), threads.get(i % 500)))
                .map(w -> 1).orElse(0) + s.transactions().readOnly(() -> s.heldPosts().pendingInThread(threads.get(i % 500),
                me.id())).size();
        IntConsumer txB = i -> sink[0] += s.transactions().readOnly(() ->
                s.watches().thread(me.id(), threads.get(i % 500)).map(w -> 1).orElse(0)
                        + s.heldPosts().pendingInThread(threads.get(i % 500), me.id()).size());
        String[] names = {"session", "page", "chrome", "tx"};
        IntConsumer[][] pairs = {{sessionA, sessionB}, {pageA, pageB}, {chromeA, chromeB}, {txA, txB}};
        for (IntConsumer[] p : pairs) { // warm-up: every variant, so the JIT sees them all
            measure(p[0], n);
            measure(p[1], n);
        }
        for (int round = 1; round <= rounds; round++) {
            for (int k = 0; k < pairs.length; k++) {
                double[] a;
                double[] b;
                if (round % 2 == 1) { // A and B take turns going first
                    a = measure(pairs[k][0], n);
                    b = measure(pairs[k][1], n);
                } else {
                    b = measure(pairs[k][1], n);
                    a = measure(pairs[k][0], n);
                }
                System.out.printf("round %d %-8s two reads %6.2f us %,7.0f B | folded %6.2f us %,7.0f B | load %s%n",
                        round, names[k], a[0], a[1], b[0], b[1],
                        java.nio.file.Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
            }
        }
        System.out.println(sink[0] == 42 ? "" : "done");
        System.exit(0);
    }

    private static double[] measure(IntConsumer work, int n) {
        long id = Thread.currentThread().getId();
        long c0 = THREADS.getCurrentThreadCpuTime();
        long b0 = THREADS.getThreadAllocatedBytes(id);
        for (int i = 0; i < n; i++) {
            work.accept(i);
        }
        long c1 = THREADS.getCurrentThreadCpuTime();
        long b1 = THREADS.getThreadAllocatedBytes(id);
        return new double[]{(c1 - c0) / 1e3 / n, (b1 - b0) / (double) n};
    }
}
