package dev.forumkit.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guest page cache's pages by key, up to a number of bytes. When full, a new page goes in only if it was asked
 * for more often lately than each of the least recently used pages it would push out ({@link Popularity}: TinyLFU's
 * admission before an LRU); otherwise it is turned away. Thread-safe: one lock, held for a map operation only.
 */
final class PageStore {
    private final long maxBytes;
    private final LinkedHashMap<String, CachedPage> pages = new LinkedHashMap<>(256, 0.75f, true);
    private final Popularity popularity;
    private long bytes;
    private long stored;
    private long evicted;
    private long rejected;

    PageStore(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.popularity = new Popularity((int) Math.min(1 << 20, Math.max(64, maxBytes / 4096))); // a page: 4-8 KB
    }

    /** Counts one request for the key and returns its page, or null. */
    CachedPage get(String key) {
        synchronized (pages) {
            popularity.record(key.hashCode());
            return pages.get(key);
        }
    }

    /**
     * Keeps the page unless it is larger than an eighth of the store, or the store is full of pages asked for at
     * least as often; returns whether it was kept. {@code stillValid} is checked under the lock, so that a
     * {@link #clear()} that ran before cannot be undone by a page read before it.
     */
    boolean put(String key, CachedPage page, java.util.function.BooleanSupplier stillValid) {
        long weight = page.weight();
        synchronized (pages) {
            if (weight > maxBytes / 8 || !stillValid.getAsBoolean()) {
                return false;
            }
            CachedPage old = pages.remove(key);
            if (old != null) {
                bytes -= old.weight();
            }
            if (bytes + weight > maxBytes && !pushOut(key, bytes + weight - maxBytes)) {
                rejected++;
                return false;
            }
            pages.put(key, page);
            bytes += weight;
            stored++;
            return true;
        }
    }

    void clear() {
        synchronized (pages) {
            pages.clear();
            bytes = 0;
        }
    }

    /** Pages stored, pushed out and turned away so far; pages and bytes held now (space-separated). */
    String stats() {
        synchronized (pages) {
            return stored + " " + evicted + " " + pages.size() + " " + bytes + " " + rejected;
        }
    }

    long bytes() {
        synchronized (pages) {
            return bytes;
        }
    }

    private boolean pushOut(String key, long needed) {
        int candidate = popularity.frequency(key.hashCode());
        List<String> victims = new ArrayList<>();
        long freed = 0;
        for (Map.Entry<String, CachedPage> e : pages.entrySet()) { // least recently used first
            if (freed >= needed) {
                break;
            }
            if (popularity.frequency(e.getKey().hashCode()) >= candidate) {
                return false;
            }
            victims.add(e.getKey());
            freed += e.getValue().weight();
        }
        victims.forEach(pages::remove);
        bytes -= freed;
        evicted += victims.size();
        return true;
    }
}
