package dev.forumkit.app;

/**
 * How often each page was asked for lately, approximately (a count-min sketch of 4-bit counters that are halved
 * every so many requests, as TinyLFU does). The guest page cache asks it whether a new page is worth more than the
 * pages it would push out: under a Zipf-like popularity a plain LRU lets the long tail of pages read once push the
 * popular ones out, while this keeps them. Not thread-safe: the cache calls it under its own lock.
 */
final class Popularity {
    private static final int ROWS = 4;
    private static final int MAX = 15;
    private final byte[] counters;
    private final int mask;
    private final int sampleSize;
    private int samples;

    /** Sized for about {@code pages} distinct pages in the cache (more are counted, less exactly). */
    Popularity(int pages) {
        int size = Integer.highestOneBit(Math.max(1024, pages * 4 - 1)) << 1;
        this.counters = new byte[size];
        this.mask = size - 1;
        this.sampleSize = 10 * size / ROWS; // halve after this many requests: what was popular long ago fades
    }

    /** One more request for the page with this key's hash. */
    void record(int hash) {
        boolean added = false;
        for (int row = 0; row < ROWS; row++) {
            int i = index(hash, row);
            if (counters[i] < MAX) {
                counters[i]++;
                added = true;
            }
        }
        if (added && ++samples >= sampleSize) {
            for (int i = 0; i < counters.length; i++) {
                counters[i] = (byte) (counters[i] >>> 1);
            }
            samples /= 2;
        }
    }

    /** Requests for the page with this key's hash lately, at least as many as there were (never fewer, up to 15). */
    int frequency(int hash) {
        int min = MAX;
        for (int row = 0; row < ROWS; row++) {
            min = Math.min(min, counters[index(hash, row)]);
        }
        return min;
    }

    private int index(int hash, int row) {
        int h = (hash + row * 0x9E3779B9) * 0x85EBCA6B; // a different spread of the key's hash for each row
        h ^= h >>> 15;
        return h & mask;
    }
}
