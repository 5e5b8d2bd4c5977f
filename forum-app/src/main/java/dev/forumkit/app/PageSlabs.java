package dev.forumkit.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;

/**
 * Memory outside the Java heap for the guest page cache's compressed pages: a few large direct buffers (slabs of 16
 * MB, allocated as they are first needed) cut into blocks of {@value #BLOCK} bytes, handed out and taken back through
 * a free list. A stored page's bytes therefore live and die without the collector: no old-generation churn per cache
 * miss, no concurrent marking of them, and the heap's young generation keeps its size whatever the budget
 * (docs/performance.md, task missprice). The budget can then grow with the machine's RAM instead of with {@code -Xmx}
 * (direct memory is limited by {@code -XX:MaxDirectMemorySize}, by default the heap's maximum size).
 *
 * <p>Blocks are written once, by the thread that allocated them, before their page is published; readers copy them
 * out under their page's lock ({@link CachedPage}), which also guards their release, so a block is never reused
 * while a reader copies it.
 */
final class PageSlabs {
    private static final Logger LOG = LoggerFactory.getLogger(PageSlabs.class);
    /** Bytes per block: a compressed thread page is 3-8 KB, so a page wastes about 256 B on average. */
    static final int BLOCK = 512;
    private static final int BLOCK_SHIFT = 9;
    private static final int SLAB_SHIFT = 15; // 32,768 blocks: 16 MB a slab
    private static final int SLAB_MASK = (1 << SLAB_SHIFT) - 1;

    private final int maxBlocks;
    private final ByteBuffer[] slabs;
    /** Block numbers released and not handed out again; a stack. Guarded by this. */
    private final int[] free;
    private int freeCount;
    /** The first block number never handed out (blocks below it are in use or in {@link #free}). Guarded by this. */
    private int fresh;
    /** Set when the JVM refused a slab (direct memory limit): the slabs stay as they are. Guarded by this. */
    private boolean full;

    /** Room for {@code bytes} (rounded up to whole blocks); nothing is allocated until a page needs it. */
    PageSlabs(long bytes) {
        long blocks = (bytes + BLOCK - 1) >>> BLOCK_SHIFT;
        if (bytes <= 0 || blocks > Integer.MAX_VALUE - SLAB_MASK) {
            throw new IllegalArgumentException("slab bytes out of range: " + bytes);
        }
        this.maxBlocks = (int) blocks;
        this.slabs = new ByteBuffer[(maxBlocks + SLAB_MASK) >>> SLAB_SHIFT];
        this.free = new int[maxBlocks];
    }

    /** Direct memory left to everything else (Jetty's buffers, the JDK's own): a quarter of the limit, 32 MB at least. */
    static final long OTHERS_MIN = 32L << 20;

    /**
     * The bytes of direct memory the slabs may take: the JVM's limit ({@code -XX:MaxDirectMemorySize}, by default the
     * heap's maximum size) less what is left to the other users of direct memory (a quarter of the limit, {@value
     * #OTHERS_MIN} bytes at least). Without it a budget near the limit would take the direct memory Jetty's socket
     * buffers need, and requests would fail with "Direct buffer memory" rather than the cache holding less.
     */
    static long directRoom() {
        return directRoom(maxDirectMemory());
    }

    static long directRoom(long limit) {
        return Math.max(0, limit - Math.max(limit / 4, OTHERS_MIN));
    }

    /** The JVM's direct memory limit: {@code -XX:MaxDirectMemorySize}, or the heap's maximum size when not set. */
    static long maxDirectMemory() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean vm = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            long set = Long.parseLong(vm.getVMOption("MaxDirectMemorySize").getValue());
            if (set > 0) {
                return set;
            }
        } catch (RuntimeException | LinkageError e) { // not a HotSpot JVM: the JDK's default
            LOG.debug("MaxDirectMemorySize not readable: {}", e.toString());
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** Blocks needed for {@code length} bytes. */
    static int blocksFor(int length) {
        return (length + BLOCK - 1) >>> BLOCK_SHIFT;
    }

    /** Copies {@code bytes} into newly allocated blocks and returns their numbers, or null when there is no room. */
    int[] store(byte[] bytes) {
        int[] blocks = allocate(blocksFor(bytes.length));
        if (blocks == null) {
            return null;
        }
        for (int i = 0, off = 0; i < blocks.length; i++, off += BLOCK) {
            int b = blocks[i];
            slabs[b >>> SLAB_SHIFT].put((b & SLAB_MASK) << BLOCK_SHIFT, bytes, off, Math.min(BLOCK, bytes.length - off));
        }
        return blocks;
    }

    /** Copies {@code length} bytes out of {@code blocks} (as {@link #store} wrote them) into a new array. */
    byte[] read(int[] blocks, int length) {
        byte[] out = new byte[length];
        for (int i = 0, off = 0; i < blocks.length; i++, off += BLOCK) {
            int b = blocks[i];
            slabs[b >>> SLAB_SHIFT].get((b & SLAB_MASK) << BLOCK_SHIFT, out, off, Math.min(BLOCK, length - off));
        }
        return out;
    }

    private synchronized int[] allocate(int n) {
        if (n > freeCount + (maxBlocks - fresh)) {
            return null;
        }
        int[] blocks = new int[n];
        int i = 0;
        while (i < n && freeCount > 0) {
            blocks[i++] = free[--freeCount];
        }
        while (i < n) {
            int b = fresh;
            if (slabs[b >>> SLAB_SHIFT] == null && !newSlab(b >>> SLAB_SHIFT)) {
                release(java.util.Arrays.copyOf(blocks, i));
                return null;
            }
            fresh++;
            blocks[i++] = b;
        }
        return blocks;
    }

    private boolean newSlab(int slab) {
        if (full) {
            return false;
        }
        int blocks = Math.min(SLAB_MASK + 1, maxBlocks - (slab << SLAB_SHIFT));
        try {
            slabs[slab] = ByteBuffer.allocateDirect(blocks << BLOCK_SHIFT);
            return true;
        } catch (OutOfMemoryError e) { // "Direct buffer memory": the cache keeps what it has rather than failing requests
            full = true;
            LOG.warn("guest page cache: no more direct memory after {} MB (-XX:MaxDirectMemorySize or a smaller "
                    + "guest.cache.mb): {}", ((long) slab << (SLAB_SHIFT + BLOCK_SHIFT)) >> 20, e.getMessage());
            return false;
        }
    }

    /** Takes blocks back; the caller has made sure no reader copies them any more. */
    synchronized void release(int[] blocks) {
        for (int b : blocks) {
            free[freeCount++] = b;
        }
    }

    /** Bytes the slabs may take at most (whole blocks). */
    long maxBytes() {
        return (long) maxBlocks << BLOCK_SHIFT;
    }

    /** Blocks handed out and not released. */
    synchronized int blocksInUse() {
        return fresh - freeCount;
    }

    /** Bytes of direct memory allocated so far. */
    synchronized long reservedBytes() {
        long n = 0;
        for (ByteBuffer s : slabs) {
            n += s == null ? 0 : s.capacity();
        }
        return n;
    }
}
