import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How fast a page's text becomes UTF-8 bytes in 8 KiB chunks (PageBytes.writeContent, task pagecpu): the pages in a
 * directory (bench/PageCost.java -Dpc.dump=DIR) cut into the pieces a template writes (at every tag, quote and
 * entity boundary: ~10-60 chars each, as JTE writes static parts and escaped values), written by each variant, this
 * thread's CPU time per page (ThreadMXBean), variants taking turns in rounds. Every variant's bytes are checked
 * against String.getBytes(UTF_8) first.
 * <pre>
 *   java bench/Utf8WriteCost.java bench/out/pages-base [iterations] [rounds]
 * </pre>
 */
public final class Utf8WriteCost {
    static final int CHUNK = 8 * 1024;

    interface Out {
        void write(String s, int from, int to);

        byte[] bytes();
    }

    /** PageBytes.writeContent as of 5091894: charAt per char. */
    static class CharAt implements Out {
        final List<byte[]> full = new ArrayList<>();
        byte[] chunk = new byte[CHUNK];
        int at;

        public void write(String s, int from, int to) {
            byte[] c = chunk;
            int n = at;
            for (int i = from; i < to; i++) {
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
        }

        int encode(String s, int i, int to) {
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
            if (Character.isSurrogate(c)) {
                put('?');
                return i;
            }
            put(0xE0 | c >> 12);
            put(0x80 | c >> 6 & 0x3F);
            put(0x80 | c & 0x3F);
            return i;
        }

        void put(int b) {
            if (at == chunk.length) {
                next();
            }
            chunk[at++] = (byte) b;
        }

        void next() {
            full.add(chunk);
            chunk = new byte[CHUNK];
            at = 0;
        }

        public byte[] bytes() {
            byte[] out = new byte[full.size() * CHUNK + at];
            int k = 0;
            for (byte[] b : full) {
                System.arraycopy(b, 0, out, k, CHUNK);
                k += CHUNK;
            }
            System.arraycopy(chunk, 0, out, k, at);
            return out;
        }
    }

    /** getChars of a block into a scratch char[] (an intrinsic inflate for Latin-1), then an ASCII run copied. */
    static class Block extends CharAt {
        final char[] buf = new char[512];

        @Override
        public void write(String s, int from, int to) {
            while (from < to) {
                int len = Math.min(to - from, buf.length);
                s.getChars(from, from + len, buf, 0);
                int j = 0;
                while (j < len) {
                    byte[] c = chunk;
                    int n = at;
                    int end = Math.min(len, j + (c.length - n));
                    int k = j;
                    while (k < end) {
                        char ch = buf[k];
                        if (ch >= 0x80) {
                            break;
                        }
                        c[n + k - j] = (byte) ch;
                        k++;
                    }
                    at = n + k - j;
                    j = k;
                    if (j < len) {
                        if (buf[j] >= 0x80) {
                            j = encode(s, from + j, to) - from + 1; // encode reads from the string itself
                            if (j > len) { // a surrogate pair across blocks: the next block starts after it
                                from += j;
                                j = len = 0;
                                break;
                            }
                        } else if (at == c.length) {
                            next();
                        }
                    }
                }
                from += len;
            }
        }
    }

    /** As Block, but the ASCII check as an OR over the block first (a loop C2 may vectorise), then a plain copy. */
    static final class OrBlock extends Block {
        @Override
        public void write(String s, int from, int to) {
            int count = to - from;
            if (count <= buf.length) {
                s.getChars(from, to, buf, 0);
                int or = 0;
                for (int k = 0; k < count; k++) {
                    or |= buf[k];
                }
                if (or < 0x80 && at + count <= chunk.length) {
                    byte[] c = chunk;
                    int n = at;
                    for (int k = 0; k < count; k++) {
                        c[n + k] = (byte) buf[k];
                    }
                    at = n + count;
                    return;
                }
            }
            super.write(s, from, to);
        }
    }

    /** getBytes(from, to, dst, at): a Latin-1 string's bytes copied (System.arraycopy), then checked for >= 0x80;
     * only right for Latin-1 strings, so only where the string's chars were checked < 0x100 (here: checked per char
     * after the fact, which is what the variant would cost at least). Kept as a lower bound. */
    static final class GetBytes extends CharAt {
        @Override
        @SuppressWarnings("deprecation")
        public void write(String s, int from, int to) {
            int count = to - from;
            if (at + count <= chunk.length) {
                s.getBytes(from, to, chunk, at);
                int neg = 0;
                for (int k = at; k < at + count; k++) {
                    neg |= chunk[k];
                }
                if (neg >= 0) {
                    at += count;
                    return;
                }
            }
            super.write(s, from, to);
        }
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<List<String>> pages = new ArrayList<>();
        long chars = 0;
        try (var files = Files.list(Path.of(args[0]))) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (!p.getFileName().toString().contains("html")) {
                    continue;
                }
                String page = Files.readString(p);
                List<String> pieces = new ArrayList<>();
                int start = 0;
                for (int i = 1; i < page.length(); i++) {
                    char ch = page.charAt(i);
                    if (!Boolean.getBoolean("whole") && (ch == '<' || ch == '"' || ch == '&' || ch == '>')) {
                        pieces.add(page.substring(start, i));
                        start = i;
                    }
                }
                pieces.add(page.substring(start));
                pages.add(pieces);
                chars += page.length();
            }
        }
        System.out.printf("%d pages, %d chars on average, %d pieces on average%n", pages.size(), chars / pages.size(),
                pages.stream().mapToInt(List::size).sum() / pages.size());
        String[] names = {"charAt", "block", "orBlock", "getBytes"};
        for (int v = 0; v < names.length; v++) { // every variant gives String.getBytes(UTF_8)'s bytes
            for (List<String> page : pages) {
                Out out = make(v);
                StringBuilder whole = new StringBuilder();
                for (String s : page) {
                    out.write(s, 0, s.length());
                    whole.append(s);
                }
                if (v < 3 && !java.util.Arrays.equals(out.bytes(), whole.toString().getBytes(StandardCharsets.UTF_8))) {
                    throw new AssertionError(names[v] + " wrote other bytes");
                }
            }
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round <= rounds; round++) { // round 0 warms up
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int v = 0; v < names.length; v++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < iterations; i++) {
                    Out out = make(v);
                    for (String s : pages.get(i % pages.size())) {
                        out.write(s, 0, s.length());
                    }
                    sink += out.hashCode();
                }
                long t = threads.getCurrentThreadCpuTime() - t0;
                line.append(String.format("  %s %.2f us/page", names[v], t / 1e3 / iterations));
            }
            System.out.println(line + "  " + Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
        }
        System.out.println(sink == 42 ? "" : "done");
    }

    static Out make(int v) {
        return switch (v) {
            case 0 -> new CharAt();
            case 1 -> new Block();
            case 2 -> new OrBlock();
            default -> new GetBytes();
        };
    }
}
