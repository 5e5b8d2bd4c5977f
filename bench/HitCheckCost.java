package dev.forumkit.app;

import dev.forumkit.core.signal.LocalSignals;
import dev.forumkit.web.internal.PageCaching;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * What the per-thread invalidation adds to a guest page cache hit: the check that no drop of the page's thread or of
 * one of its authors came after it was read (GuestPageCache.valid), for a page of 20 authors, with the drop records of
 * 20,000 members and 20,000 threads held (a long run's worst before pruning), by this thread's CPU time over many
 * calls (reflective: the method is private; the reflective call alone is measured apart and subtracted). Run:
 *   javac -cp forum-app/target/forumkit.jar -d bench/out/hit bench/HitCheckCost.java
 *   java -cp forum-app/target/forumkit.jar:bench/out/hit dev.forumkit.app.HitCheckCost
 * It also measures what a named drop costs (the drop records), and what it would cost to find the dropped pages by
 * scanning a full store of 8,000 pages (PageStore.removeIf), which GuestPageCache therefore does not do.
 */
public final class HitCheckCost {
    public static void main(String[] args) throws Exception {
        GuestPageCache cache = new GuestPageCache("s", 32L << 20, new LocalSignals(), 1_000_000);
        for (long i = 1; i <= 20_000; i++) {
            cache.invalidate(new PageCaching.Scope(Set.of(i), Set.of(i)));
        }
        long[] members = new long[20];
        for (int i = 0; i < members.length; i++) {
            members[i] = 30_000 + i * 97L; // not dropped: every lookup is made, none ends the check early
        }
        CachedPage page = CachedPage.of(cache.hashCode() >= 0 ? 1_000_000 : 0, new long[] {25_000}, members,
                new byte[15_000], new String[][] {{"Content-Type", "application/json"}});
        Method valid = GuestPageCache.class.getDeclaredMethod("valid", CachedPage.class);
        valid.setAccessible(true);
        Method baseline = HitCheckCost.class.getDeclaredMethod("nothing", CachedPage.class);
        scan();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) { // what a reply's named drop costs now: the records only
            long t0 = mx.getCurrentThreadCpuTime();
            for (long i = 0; i < 200_000; i++) {
                cache.invalidate(new PageCaching.Scope(Set.of(i % 20_000 + 1), Set.of(i % 20_000 + 1)));
            }
            System.out.printf("named drop round %d: %.2f us per drop of one thread and one member%n", round,
                    (mx.getCurrentThreadCpuTime() - t0) / 200_000 / 1e3);
        }
        int n = 2_000_000;
        for (int round = 0; round < 6; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            int ok = 0;
            for (int i = 0; i < n; i++) {
                ok += (Boolean) valid.invoke(cache, page) ? 1 : 0;
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                ok += (Boolean) baseline.invoke(null, page) ? 1 : 0;
            }
            long t2 = mx.getCurrentThreadCpuTime();
            System.out.printf("round %d: valid %.1f ns/call, reflective call alone %.1f ns, difference %.1f ns (%d)%n", round,
                    (t1 - t0) / (double) n, (t2 - t1) / (double) n, ((t1 - t0) - (t2 - t1)) / (double) n, ok);
        }
    }

    /** A named drop's scan of a full store: 8,000 pages of 20 authors each, none of them matching. */
    static void scan() {
        PageStore store = new PageStore(32L << 20);
        String[][] headers = {{"Content-Type", "application/json"}};
        for (int i = 0; i < 8_000; i++) {
            long[] members = new long[20];
            for (int j = 0; j < members.length; j++) {
                members[j] = 100_000 + i * 20L + j;
            }
            store.put("/api/v1/threads/" + i + "#", new CachedPage(1, new long[] {i}, members, new byte[3_600], 15_000, headers),
                    () -> true);
        }
        PageCaching.Scope scope = new PageCaching.Scope(Set.of(-1L), Set.of(-2L));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 5; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < 200; i++) {
                store.removeIf(page -> {
                    for (long t : page.threads()) {
                        if (scope.threads().contains(t)) {
                            return true;
                        }
                    }
                    for (long m : page.members()) {
                        if (scope.members().contains(m)) {
                            return true;
                        }
                    }
                    return false;
                });
            }
            System.out.printf("scan round %d: %.1f us per named drop over %s pages%n", round,
                    (mx.getCurrentThreadCpuTime() - t0) / 200 / 1e3, store.stats().split(" ")[2]);
        }
    }

    private static boolean nothing(CachedPage page) {
        return page.length() >= 0;
    }
}
