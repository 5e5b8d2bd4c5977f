package dev.forumkit.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

/**
 * A guest page as the cache keeps it: gzip-compressed once when it is stored, so that a page takes a fifth of its size
 * and a hit from a browser (which always accepts gzip) is answered with these bytes, with no compression per request.
 * A client that does not accept gzip gets the page inflated for it.
 *
 * <p>The compressed bytes start in the heap (the miss that made the page answers with them) and move outside it when
 * the page is stored ({@link #moveTo}, {@link PageSlabs}); from then on {@link #gzip()} copies them out, and once the
 * store lets the page go ({@link #release}) they are gone and {@link #gzip()} returns null: the caller treats that as
 * a miss. The copy and the release take the page's lock, so released blocks are never read while another page
 * reuses them.
 */
final class CachedPage {
    /** Bytes of a gzip member's fixed header as {@link GZIPOutputStream} writes it (no name, no extra field). */
    private static final int GZIP_HEADER = 10;

    private static final long[] NONE = {};

    private final long generation;
    private final long[] threads;
    private final long[] members;
    private final int gzipLength;
    private final int length;
    private final String[][] headers;
    /** The compressed page while in the heap; null once moved to {@link #slabs}. Guarded by this. */
    private byte[] heap;
    private PageSlabs slabs;
    private int[] blocks;
    private boolean released;
    /** Whether a hit served the page once (statistics only: a racy plain field is good enough). */
    private boolean served;

    /**
     * @param generation the cache's invalidation sequence the page was read under: served only while no invalidation
     *                   of what it shows came after it ({@link GuestPageCache})
     * @param threads    the ids of the threads the page shows (its own)
     * @param members    the ids of the members whose author cards it shows
     * @param gzip       the page, gzip-compressed
     * @param length     the page's length uncompressed
     * @param headers    the response headers to repeat (name, value), Content-Type among them
     */
    CachedPage(long generation, long[] threads, long[] members, byte[] gzip, int length, String[][] headers) {
        if (gzip.length <= GZIP_HEADER || length < 0) {
            throw new IllegalArgumentException("not a gzip-compressed page");
        }
        this.generation = generation;
        this.threads = threads;
        this.members = members;
        this.heap = gzip;
        this.gzipLength = gzip.length;
        this.length = length;
        this.headers = headers;
    }

    /** A page that names no thread nor member (tests and benchmarks of the store). */
    CachedPage(long generation, byte[] gzip, int length, String[][] headers) {
        this(generation, NONE, NONE, gzip, length, headers);
    }

    static CachedPage of(long generation, byte[] body, String[][] headers) {
        return of(generation, NONE, NONE, body, headers);
    }

    /**
     * Compresses a page. The fastest level: it runs on every cache miss, and on forum pages it saves 97 % of what the
     * default level would (a thread page's JSON of 17.4 KB: 3.8 KB, against 3.5 KB at level 6; docs/performance.md).
     */
    static CachedPage of(long generation, long[] threads, long[] members, byte[] body, String[][] headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return new CachedPage(generation, threads, members, out.toByteArray(), body.length, headers);
    }

    /** Notes that a hit served the page (for the count of pages let go unread, {@link PageStore#stats()}). */
    void served() {
        if (!served) {
            served = true;
        }
    }

    boolean wasServed() {
        return served;
    }

    long generation() {
        return generation;
    }

    long[] threads() {
        return threads;
    }

    long[] members() {
        return members;
    }

    int length() {
        return length;
    }

    String[][] headers() {
        return headers;
    }

    /**
     * The page, gzip-compressed: the heap array itself before the page is stored, a copy of the stored bytes after;
     * null once the store has let the page go.
     */
    synchronized byte[] gzip() {
        if (heap != null) {
            return heap;
        }
        return released ? null : slabs.read(blocks, gzipLength);
    }

    /**
     * Moves the compressed bytes out of the heap into {@code slabs}; false (the page stays as it is) when they have no
     * room. Called by the store before it publishes the page.
     */
    synchronized boolean moveTo(PageSlabs slabs) {
        if (heap == null || released) {
            return heap == null && !released;
        }
        int[] stored = slabs.store(heap);
        if (stored == null) {
            return false;
        }
        this.slabs = slabs;
        this.blocks = stored;
        this.heap = null;
        return true;
    }

    /** The store let the page go: its blocks go back to the slabs, and {@link #gzip()} answers null from now on. */
    synchronized void release() {
        if (!released && blocks != null) {
            slabs.release(blocks);
            blocks = null;
        }
        released = true;
    }

    /** The page uncompressed, for a client that does not accept gzip; null once the store has let it go. */
    byte[] identity() {
        byte[] gzip = gzip();
        if (gzip == null) {
            return null;
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(gzip, GZIP_HEADER, gzip.length - GZIP_HEADER);
            byte[] body = new byte[length];
            int n = 0;
            while (n < length) {
                int read = inflater.inflate(body, n, length - n);
                if (read == 0 && (inflater.finished() || inflater.needsInput())) {
                    break;
                }
                n += read;
            }
            if (n != length) {
                throw new IllegalStateException("cached page inflated to " + n + " bytes, not " + length);
            }
            return body;
        } catch (DataFormatException e) {
            throw new IllegalStateException("cached page is not valid gzip", e);
        } finally {
            inflater.end();
        }
    }

    /**
     * What the page holds on to, roughly: the whole blocks of its compressed bytes (outside the heap once stored), and
     * in the heap the object, its ids and its header pairs. Not the header strings themselves: names and values (the
     * security headers, the content types, Vary) are the same few instances on every page.
     */
    long weight() {
        int n = PageSlabs.blocksFor(gzipLength);
        return (long) n * PageSlabs.BLOCK + 4L * n + 80L + 40L * headers.length + 8L * (threads.length + members.length)
                + 32L;
    }
}
