package dev.forumkit.app;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The guest page cache's store: bounded in bytes, and a long tail of pages read once does not push out popular ones. */
class PageStoreTest {
    private static CachedPage page(String text) {
        StringBuilder b = new StringBuilder();
        Random random = new Random(text.hashCode());
        for (int i = 0; i < 400; i++) { // words that do not repeat much, so a page stays some KB compressed
            b.append(text).append(' ').append(Long.toString(random.nextLong(), 36)).append('\n');
        }
        return CachedPage.of(1, b.toString().getBytes(StandardCharsets.UTF_8), new String[][] {{"Content-Type", "text/plain"}});
    }

    @Test
    void popular_pages_stay_while_a_long_tail_of_pages_read_once_passes_through() {
        long size = page("hot 0").weight();
        PageStore store = new PageStore(size * 20); // about 20 pages
        for (int i = 0; i < 100; i++) { // a store that has been full for a while (its popularity counts sized to it)
            store.put("earlier " + i, page("earlier " + i), () -> true);
        }
        for (int round = 0; round < 5; round++) { // ten hot pages, asked for again and again
            for (int i = 0; i < 10; i++) {
                String key = "hot " + i;
                if (store.get(key) == null) {
                    store.put(key, page(key), () -> true);
                }
            }
        }
        for (int i = 0; i < 500; i++) { // then 500 pages once each, as the tail of a Zipf popularity brings them
            String key = "tail " + i;
            assertThat(store.get(key)).isNull();
            store.put(key, page(key), () -> true);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(store.get("hot " + i)).as("hot page %d", i).isNotNull();
        }
        assertThat(store.bytes()).isLessThanOrEqualTo(size * 20 + size); // pages differ a little in size
    }

    @Test
    void the_store_keeps_within_its_bytes_whatever_is_put_and_counts_what_it_pushes_out() {
        long size = page("p 0").weight();
        PageStore store = new PageStore(size * 8 + size / 2); // pages differ a little in size
        for (int i = 0; i < 200; i++) {
            String key = "p " + (i % 40);
            if (store.get(key) == null) {
                store.put(key, page(key), () -> true);
            }
            assertThat(store.bytes()).isLessThanOrEqualTo(size * 8 + size / 2);
        }
        String[] stats = store.stats().split(" ");
        long stored = Long.parseLong(stats[0]);
        long pushedOut = Long.parseLong(stats[1]);
        long held = Long.parseLong(stats[2]);
        assertThat(held).isBetween(1L, 9L);
        assertThat(stored - pushedOut).as("stored - pushed out = held").isEqualTo(held);
    }

    @Test
    void nothing_is_kept_when_the_page_was_read_before_a_write_and_clear_empties_it() {
        PageStore store = new PageStore(1 << 20);
        assertThat(store.put("a", page("a"), () -> false)).isFalse();
        assertThat(store.get("a")).isNull();
        assertThat(store.put("a", page("a"), () -> true)).isTrue();
        store.clear();
        assertThat(store.get("a")).isNull();
        assertThat(store.bytes()).isZero();
    }

    @Test
    void a_page_larger_than_an_eighth_of_the_store_is_not_kept() {
        CachedPage big = page("big");
        PageStore store = new PageStore(big.weight() * 7);
        assertThat(store.put("big", big, () -> true)).isFalse();
        assertThat(store.get("big")).isNull();
    }

    @Test
    void a_client_without_gzip_gets_the_kept_copy_of_that_very_page_and_never_one_of_an_older_page() {
        PageStore store = new PageStore(1 << 20); // a sixty-fourth, 16 KB, holds the copy of one page
        CachedPage first = page("first");
        store.put("a", first, () -> true);
        byte[] once = store.identity("a", first);
        assertThat(once).isEqualTo(first.identity());
        assertThat(store.identity("a", first)).as("kept, not inflated again").isSameAs(once);
        assertThat(store.bytes()).isEqualTo(first.weight() + once.length + 64);

        CachedPage second = page("second"); // the page read again after a write, under the same key
        store.put("a", second, () -> true);
        assertThat(store.identity("a", second)).isEqualTo(second.identity()).isNotEqualTo(once);

        store.clear();
        assertThat(store.bytes()).isZero();
        CachedPage third = page("third");
        store.put("a", third, () -> true);
        assertThat(store.identity("a", third)).isEqualTo(third.identity());
    }

    private static byte[] text(String key) {
        StringBuilder b = new StringBuilder();
        Random random = new Random(key.hashCode());
        for (int i = 0; i < 400; i++) {
            b.append(key).append(' ').append(Long.toString(random.nextLong(), 36)).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_stored_page_leaves_the_heap_and_every_page_let_go_gives_its_blocks_back() {
        CachedPage page = page("a");
        byte[] before = page.gzip();
        PageStore store = new PageStore(1 << 20);
        assertThat(store.put("a", page, () -> true)).isTrue();
        assertThat(page.gzip()).as("a copy of the stored bytes, not the heap array").isEqualTo(before).isNotSameAs(before);
        assertThat(store.slabBytesInUse()).isEqualTo((long) PageSlabs.blocksFor(before.length) * PageSlabs.BLOCK);

        store.put("a", page("a again"), () -> true); // replaced: the first page's blocks go back, its bytes are gone
        assertThat(page.gzip()).isNull();
        assertThat(page.identity()).isNull();
        assertThat(store.identity("a", page)).as("a page let go is answered as a miss").isNull();
        store.remove("a", store.get("a"));
        assertThat(store.slabBytesInUse()).isZero();

        long size = page("p 0").weight();
        PageStore small = new PageStore(size * 8);
        for (int i = 0; i < 300; i++) { // pushed out and turned away
            small.put("p " + i, page("p " + i), () -> true);
        }
        small.stats(); // runs the store's pending housekeeping
        assertThat(small.slabBytesInUse()).isLessThanOrEqualTo(small.bytes());
        small.clear();
        assertThat(small.slabBytesInUse()).isZero();
    }

    @Test
    void readers_racing_writers_never_get_the_bytes_of_another_page() throws Exception {
        long size = page("k 0").weight();
        PageStore store = new PageStore(size * 9); // 8 pages for 64 keys: blocks are let go and reused all along
        int keys = 64;
        byte[][] bodies = new byte[keys][];
        for (int i = 0; i < keys; i++) {
            bodies[i] = text("k " + i);
        }
        java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread[] threads = new Thread[8];
        long end = System.nanoTime() + 3_000_000_000L;
        for (int t = 0; t < threads.length; t++) {
            int seed = t;
            threads[t] = new Thread(() -> {
                Random random = new Random(seed);
                try {
                    while (System.nanoTime() < end && failure.get() == null) {
                        int k = random.nextInt(keys);
                        String key = "k " + k;
                        CachedPage hit = store.get(key);
                        if (hit == null) {
                            store.put(key, CachedPage.of(1, bodies[k], new String[0][]), () -> true);
                            continue;
                        }
                        byte[] body = random.nextBoolean() ? store.identity(key, hit) : hit.identity();
                        if (body != null) {
                            assertThat(body).as(key).isEqualTo(bodies[k]);
                            served.incrementAndGet();
                        }
                        if (random.nextInt(200) == 0) {
                            store.clear();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(served.get()).isPositive();
        store.clear();
        assertThat(store.slabBytesInUse()).isZero();
    }

    @Test
    void a_budget_beyond_the_direct_memory_the_jvm_leaves_is_lowered_to_fit_and_the_store_still_works() {
        long room = 8L << 20; // what PageSlabs.directRoom() gives a JVM whose direct memory limit is 40 MB
        assertThat(PageSlabs.directRoom(40L << 20)).isEqualTo(room);
        assertThat(PageSlabs.directRoom(256L << 20)).as("-Xmx256m: a quarter left to Jetty and the JDK").isEqualTo(192L << 20);
        assertThat(PageSlabs.directRoom(16L << 20)).isZero();
        PageStore store = new PageStore(192L << 20, room);
        assertThat(store.slabBytes()).as("slabs within the room").isLessThanOrEqualTo(room);
        assertThat(store.maxBytes()).as("pages within the room, the identity copies (heap) beside them")
                .isLessThanOrEqualTo(room + (192L << 20) / 64);
        PageStore fits = new PageStore(192L << 20, 192L << 20); // -Xmx256m: the whole budget, less headroom
        assertThat(fits.maxBytes()).isEqualTo(192L << 20);
        assertThat(fits.slabBytes()).isEqualTo(192L << 20);
        long size = page("p 0").weight();
        for (int i = 0; i < 2 * room / size; i++) { // twice what fits: the store pushes pages out rather than failing
            String key = "p " + i;
            store.put(key, page(key), () -> true);
            assertThat(store.bytes()).isLessThanOrEqualTo(store.maxBytes());
        }
        String[] stats = store.stats().split(" ");
        assertThat(Long.parseLong(stats[5])).as("direct memory taken").isLessThanOrEqualTo(room);
        assertThat(store.put("last", page("last"), () -> true)).isTrue();
        assertThat(store.get("last")).as("a new page still gets in").isNotNull();
    }

    @Test
    void pages_let_go_without_having_been_served_are_counted() {
        long size = page("p 0").weight();
        PageStore store = new PageStore(size * 8 + size / 2);
        java.util.List<CachedPage> served = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String key = "p " + i;
            store.put(key, page(key), () -> true);
            CachedPage p = store.get(key);
            if (p != null && i % 2 == 0) { // every other page served once
                p.served();
                served.add(p);
            }
        }
        String[] stats = store.stats().split(" ");
        long evicted = Long.parseLong(stats[1]);
        long unread = Long.parseLong(stats[6]);
        assertThat(served).hasSizeGreaterThan(2);
        assertThat(evicted).isGreaterThanOrEqualTo(30);
        assertThat(unread).as("the unread ones only").isGreaterThanOrEqualTo(evicted - served.size()).isLessThan(evicted);
    }
}
