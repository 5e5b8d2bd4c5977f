package dev.forumkit.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The guest page cache's pages by key, up to a number of bytes: a Caffeine cache weighed by each page's bytes. Its
 * W-TinyLFU policy lets a new page in only if it was asked for more often lately than the page it would push out,
 * so a long tail of pages read once does not push out the popular ones. Caffeine's housekeeping runs on the calling
 * thread (no pool threads, and a test sees its effects at once).
 *
 * <p>The compressed bytes of a stored page live outside the Java heap ({@link PageSlabs}): a page moves there when it
 * is stored and its blocks are taken back when the cache lets it go (pushed out, turned away, replaced, dropped or
 * cleared), so misses do not feed the collector's old generation and the budget does not take heap
 * (docs/performance.md, task missprice). A page the slabs have no room for (their blocks are the budget and a
 * sixteenth more, for pages stored while the policy has yet to push others out) is not stored.
 *
 * <p>A sixty-fourth of the bytes holds uncompressed copies of the pages that clients without gzip ask for most, so
 * that such a hit on a hot page does not inflate it each time. Only that small share: an uncompressed copy takes the
 * room of four or five compressed pages, and a miss costs about ninety times what inflating does (docs/performance.md,
 * "Identity copies"), so copies pay only for the few hottest pages, which the same W-TinyLFU policy picks.
 */
final class PageStore {
    private static final Logger LOG = LoggerFactory.getLogger(PageStore.class);
    private final long maxBytes;
    private final Cache<String, CachedPage> pages;
    private final Cache<String, Identity> identities;
    private final PageSlabs slabs;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();
    /** Pages pushed out or turned away without having been served once: their miss's store was wasted work. */
    private final AtomicLong evictedUnread = new AtomicLong();

    PageStore(long maxBytes) {
        this(maxBytes, PageSlabs.directRoom());
    }

    /**
     * @param directRoom the direct memory the slabs may take ({@link PageSlabs#directRoom()}): a budget whose slabs
     *                   would need more is lowered to fit, so the cache never takes the direct memory others need
     */
    PageStore(long maxBytes, long directRoom) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        long identityBytes = maxBytes / 64;
        long pageBytes = maxBytes - identityBytes;
        // the slabs hold the pages' budget and a sixteenth more (pages stored while the policy has yet to push others
        // out), within the direct memory the JVM leaves; a page's weight counts its heap part too (ids, headers:
        // about a tenth of it), so a budget equal to the room still fits it
        long slabBytes = Math.min(pageBytes + pageBytes / 16, Math.max(directRoom, PageSlabs.BLOCK));
        if (pageBytes > slabBytes) {
            LOG.warn("guest page cache: guest.cache.mb={} is more than the {} MB of direct memory the JVM leaves it "
                    + "(-XX:MaxDirectMemorySize, by default -Xmx, less a quarter for Jetty and the JDK): it holds {} MB",
                    maxBytes >> 20, directRoom >> 20, slabBytes >> 20);
            pageBytes = slabBytes;
        }
        this.maxBytes = pageBytes + identityBytes;
        this.slabs = new PageSlabs(slabBytes);
        this.pages = Caffeine.newBuilder()
                .maximumWeight(pageBytes)
                .weigher((String key, CachedPage page) -> (int) Math.min(Integer.MAX_VALUE, page.weight()))
                .executor(Runnable::run)
                .evictionListener((String key, CachedPage page, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                    evicted.incrementAndGet();
                    if (page != null && !page.wasServed()) {
                        evictedUnread.incrementAndGet();
                    }
                })
                .removalListener((String key, CachedPage page, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                    if (page != null) {
                        page.release(); // its blocks back to the slabs (a reader copying it holds its lock)
                    }
                })
                .build();
        this.identities = Caffeine.newBuilder()
                .maximumWeight(identityBytes)
                .weigher((String key, Identity copy) -> copy.body().length + 64)
                .executor(Runnable::run)
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
        if (page.weight() > maxBytes / 8 || !stillValid.getAsBoolean() || !page.moveTo(slabs)) {
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

    /**
     * The page uncompressed, for a client without gzip: the kept copy when this very page (not an older one of the
     * same key) has one, else inflated and offered to the copies, which keep it only if it is asked for more often
     * lately than the copy it would push out. The caller has checked that {@code page} may be served. Null when the
     * page was let go meanwhile (the caller answers as for a miss).
     */
    byte[] identity(String key, CachedPage page) {
        Identity copy = identities.getIfPresent(key);
        if (copy != null && copy.page() == page) {
            return copy.body();
        }
        byte[] body = page.identity();
        if (body == null) {
            return null;
        }
        identities.put(key, new Identity(page, body));
        return body;
    }

    /** Drops the key's page if it is still this one (and its uncompressed copy). */
    void remove(String key, CachedPage page) {
        pages.asMap().remove(key, page);
        identities.asMap().computeIfPresent(key, (k, copy) -> copy.page() == page ? null : copy);
    }

    /** Drops the pages (and their uncompressed copies) that {@code test} picks. */
    void removeIf(java.util.function.Predicate<CachedPage> test) {
        pages.asMap().values().removeIf(test);
        identities.asMap().values().removeIf(copy -> test.test(copy.page()));
    }

    void clear() {
        pages.invalidateAll();
        identities.invalidateAll();
    }

    /**
     * Pages stored and pushed out (or turned away) so far; pages and bytes held now; bytes of the slabs' blocks in use
     * and of direct memory they took; of the pages pushed out or turned away, those never served (space-separated).
     */
    String stats() {
        pages.cleanUp();
        return stored.get() + " " + evicted.get() + " " + pages.estimatedSize() + " " + bytes() + " "
                + (long) slabs.blocksInUse() * PageSlabs.BLOCK + " " + slabs.reservedBytes() + " " + evictedUnread.get();
    }

    /** The bytes the store may hold: the budget, lowered when the JVM's direct memory cannot hold it. */
    long maxBytes() {
        return maxBytes;
    }

    /** Bytes of direct memory the slabs may take at most. */
    long slabBytes() {
        return slabs.maxBytes();
    }

    /** The slabs' blocks in use, in bytes (tests: every page let go gives its blocks back). */
    long slabBytesInUse() {
        return (long) slabs.blocksInUse() * PageSlabs.BLOCK;
    }

    long bytes() {
        pages.cleanUp();
        identities.cleanUp();
        return pages.policy().eviction().orElseThrow().weightedSize().orElse(0L)
                + identities.policy().eviction().orElseThrow().weightedSize().orElse(0L);
    }

    /** A page's uncompressed bytes, with the page they were inflated from (a page of a key is replaced, not changed). */
    private record Identity(CachedPage page, byte[] body) {
    }
}
