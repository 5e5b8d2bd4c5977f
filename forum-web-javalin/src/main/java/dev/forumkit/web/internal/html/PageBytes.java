package dev.forumkit.web.internal.html;

import gg.jte.TemplateOutput;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A template's output encoded to UTF-8 straight into a list of fixed-size byte chunks. JTE's own {@code Utf8ByteOutput}
 * keeps a byte array per write (each escaped piece of text is a write: a thread page makes thousands) plus a list of
 * them, and copies them all once more at the end: about 30 % of what a thread page allocated (docs/performance.md).
 * Chunks rather than one growing array: a 36 KiB guest page took a 32 KiB array and then a 64 KiB copy of it, 96 KiB
 * for 36; in 8 KiB chunks it takes 40, and nothing is copied (task pagecost).
 */
final class PageBytes implements TemplateOutput {
    /** The size of a chunk: Javalin copies the result to the response through a buffer of this size. */
    static final int CHUNK = 8 * 1024;
    /** Characters encoded per block: a post body is written in one piece, most other writes are under 100. */
    static final int BLOCK = 512;

    private final int chunkSize;
    private final List<byte[]> full = new ArrayList<>(8);
    private byte[] chunk;
    private int at;
    /** The characters of the block being written (see {@link #writeContent(String, int, int)}). */
    private final char[] block = new char[BLOCK];

    PageBytes() {
        this(CHUNK);
    }

    PageBytes(int chunkSize) {
        this.chunkSize = chunkSize;
        this.chunk = new byte[chunkSize];
    }

    @Override
    public void writeContent(String s) {
        writeContent(s, 0, s.length());
    }

    @Override
    public void writeContent(String s, int from, int to) {
        // a block at a time: getChars inflates a Latin-1 string's bytes in bulk (an intrinsic), one OR over the block
        // says whether it is all ASCII, and then it is a plain copy; charAt per character with a chunk check per byte
        // was 13-15 % of an HTML page's request-thread CPU in the profile (task pagecpu)
        char[] b = block;
        while (from < to) {
            int count = Math.min(to - from, b.length);
            s.getChars(from, from + count, b, 0);
            int or = 0;
            for (int k = 0; k < count; k++) {
                or |= b[k];
            }
            int n = at;
            if (or < 0x80 && count <= chunk.length - n) {
                byte[] c = chunk;
                for (int k = 0; k < count; k++) {
                    c[n + k] = (byte) b[k];
                }
                at = n + count;
                from += count;
            } else {
                from = perChar(s, from, from + count, to);
            }
        }
    }

    /** {@code s[from, end)} a character at a time; returns where the next block starts (after a pair cut at {@code end}). */
    private int perChar(String s, int from, int end, int to) {
        byte[] c = chunk;
        int n = at;
        int i = from;
        for (; i < end; i++) {
            char ch = s.charAt(i);
            if (ch < 0x80) {
                if (n == c.length) {
                    at = n;
                    next();
                    c = chunk;
                    n = 0;
                }
                c[n++] = (byte) ch;
            } else {
                at = n;
                i = encode(s, i, to);
                c = chunk;
                n = at;
            }
        }
        at = n;
        return i;
    }

    /**
     * A static part of a template, UTF-8-encoded at build time (jte's {@code binaryStaticContent}): a copy. Most are
     * under 40 bytes and fit in the chunk's rest.
     */
    @Override
    public void writeBinaryContent(byte[] content) {
        int n = at;
        if (content.length <= chunk.length - n) {
            System.arraycopy(content, 0, chunk, n, content.length);
            at = n + content.length;
            return;
        }
        int done = 0;
        while (done < content.length) {
            if (at == chunk.length) {
                next();
            }
            int k = Math.min(content.length - done, chunk.length - at);
            System.arraycopy(content, done, chunk, at, k);
            at += k;
            done += k;
        }
    }

    /** The non-ASCII character at {@code i} (a surrogate pair takes two); returns the index of its last char. */
    private int encode(String s, int i, int to) {
        char c = s.charAt(i);
        if (c < 0x800) {
            put(0xC0 | c >> 6);
            put(0x80 | c & 0x3F);
            return i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            put(0xF0 | cp >> 18);
            put(0x80 | cp >> 12 & 0x3F);
            put(0x80 | cp >> 6 & 0x3F);
            put(0x80 | cp & 0x3F);
            return i + 1;
        }
        if (Character.isSurrogate(c)) { // a lone surrogate: '?' as String.getBytes(UTF_8) writes it
            put('?');
            return i;
        }
        put(0xE0 | c >> 12);
        put(0x80 | c >> 6 & 0x3F);
        put(0x80 | c & 0x3F);
        return i;
    }

    private void put(int b) {
        if (at == chunk.length) {
            next();
        }
        chunk[at++] = (byte) b;
    }

    private void next() {
        full.add(chunk);
        chunk = new byte[chunkSize];
        at = 0;
    }

    int length() {
        return full.size() * chunkSize + at;
    }

    byte[] toByteArray() {
        try {
            return stream().readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The bytes written, without copying them: what the response is written from. */
    InputStream stream() {
        List<byte[]> chunks = new ArrayList<>(full.size() + 1);
        chunks.addAll(full);
        chunks.add(chunk);
        return new Chunks(chunks, chunkSize, length());
    }

    /** The chunks read in order; mark and reset work as on a {@code ByteArrayInputStream}. */
    private static final class Chunks extends InputStream {
        private final List<byte[]> chunks;
        private final int chunkSize;
        private final int length;
        private int position;
        private int mark;

        Chunks(List<byte[]> chunks, int chunkSize, int length) {
            this.chunks = chunks;
            this.chunkSize = chunkSize;
            this.length = length;
        }

        @Override
        public int read() {
            if (position >= length) {
                return -1;
            }
            int b = chunks.get(position / chunkSize)[position % chunkSize] & 0xFF;
            position++;
            return b;
        }

        @Override
        public int read(byte[] into, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, into.length);
            if (len == 0) {
                return 0;
            }
            if (position >= length) {
                return -1;
            }
            int done = 0;
            while (done < len && position < length) {
                int inChunk = position % chunkSize;
                int k = Math.min(Math.min(len - done, chunkSize - inChunk), length - position);
                System.arraycopy(chunks.get(position / chunkSize), inChunk, into, off + done, k);
                position += k;
                done += k;
            }
            return done;
        }

        @Override
        public long skip(long n) {
            long k = Math.max(0, Math.min(n, length - position));
            position += (int) k;
            return k;
        }

        @Override
        public int available() {
            return length - position;
        }

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public synchronized void mark(int readLimit) {
            mark = position;
        }

        @Override
        public synchronized void reset() {
            position = mark;
        }
    }
}
