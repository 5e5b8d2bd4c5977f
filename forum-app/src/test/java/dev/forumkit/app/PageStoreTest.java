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
}
