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
 * in the heap and a hit from a browser (which always accepts gzip) is answered with these very bytes, with no
 * compression per request. A client that does not accept gzip gets the page inflated for it.
 *
 * @param generation the cache's invalidation sequence the page was read under: served only while no invalidation
 *                   of what it shows came after it ({@link GuestPageCache})
 * @param threads    the ids of the threads the page shows (its own)
 * @param members    the ids of the members whose author cards it shows
 * @param gzip       the page, gzip-compressed
 * @param length     the page's length uncompressed
 * @param headers    the response headers to repeat (name, value), Content-Type among them
 */
record CachedPage(long generation, long[] threads, long[] members, byte[] gzip, int length, String[][] headers) {
    /** Bytes of a gzip member's fixed header as {@link GZIPOutputStream} writes it (no name, no extra field). */
    private static final int GZIP_HEADER = 10;

    private static final long[] NONE = {};

    CachedPage {
        if (gzip.length <= GZIP_HEADER || length < 0) {
            throw new IllegalArgumentException("not a gzip-compressed page");
        }
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

    /** The page uncompressed, for a client that does not accept gzip. */
    byte[] identity() {
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
     * What the page holds on to in the heap, roughly: the compressed bytes, the record and its header pairs. Not the
     * header strings themselves: names and values (the security headers, the content types, Vary) are the same few
     * instances on every page.
     */
    long weight() {
        return gzip.length + 64L + 40L * headers.length + 8L * (threads.length + members.length) + 32L;
    }
}
