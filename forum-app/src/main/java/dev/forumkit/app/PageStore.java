package dev.forumkit.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The guest page cache's pages by key, up to a number of bytes: a Caffeine cache weighed by each page's bytes. Its
 * W-TinyLFU policy lets a new page in only if it was asked for more often lately than the page it would push out,
 * so a long tail of pages read once does not push out the popular ones. Caffeine's housekeeping runs on the calling
 * thread (no pool threads, and a test sees its effects at once).
 */
final class PageStore {
    private final long maxBytes;
    private final Cache<String, CachedPage> pages;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();

    PageStore(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, CachedPage page) -> (int) Math.min(Integer.MAX_VALUE, page.weight()))
                .executor(Runnable::run)
                .evictionListener((key, page, cause) -> evicted.incrementAndGet())
                .build();
    }

    /** Counts one request for the key and returns its page, or null. */
    CachedPage get(String key) {
        return pages.getIfPresent(key);
    }

    /**
     * Offers the page unless it is larger than an eighth of the store or {@code stillValid} says a write came after
     * it was read; returns whether it was offered (the policy may still turn it away, counted as evicted).
     * {@code stillValid} is asked again after the put, so a {@link #clear()} that ran meanwhile is not undone for
     * long; the generation check of {@link GuestPageCache} keeps such a page from being served in any case.
     */
    boolean put(String key, CachedPage page, BooleanSupplier stillValid) {
        if (page.weight() > maxBytes / 8 || !stillValid.getAsBoolean()) {
            return false;
        }
        pages.put(key, page);
        stored.incrementAndGet();
        if (!stillValid.getAsBoolean()) {
            pages.asMap().remove(key, page);
            return false;
        }
        return true;
    }

    void clear() {
        pages.invalidateAll();
    }

    /** Pages stored and pushed out (or turned away) so far; pages and bytes held now (space-separated). */
    String stats() {
        pages.cleanUp();
        return stored.get() + " " + evicted.get() + " " + pages.estimatedSize() + " " + bytes();
    }

    long bytes() {
        pages.cleanUp();
        return pages.policy().eviction().orElseThrow().weightedSize().orElse(0L);
    }
}
