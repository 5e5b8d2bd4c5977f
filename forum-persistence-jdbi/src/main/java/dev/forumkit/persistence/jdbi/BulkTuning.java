package dev.forumkit.persistence.jdbi;

/**
 * How a bulk load paces itself, read once when the load opens. The defaults are what measured fastest (see
 * docs/benchmarks.md); the {@code forumkit.bulk.*} system properties exist to measure again.
 *
 * @param insertRows   rows per JDBC batch
 * @param copyRows     rows per COPY on PostgreSQL
 * @param commitRows   rows per commit. Small on purpose: H2 writes the pages of a transaction that outgrows its write
 *                     buffer before the commit, then again when the commit marks its rows committed; 2,000 rows a
 *                     commit took 83 s of CPU for the million-post forum where 20,000 took 133 s
 * @param deferParents on H2 into an empty forum, hold members, boards and threads back and write them once with
 *                     their counters, instead of an update pass
 * @param deferIndexes drop the random-order secondary indexes for the load and build them once at the end
 * @param h2CacheMb    H2's page cache during the load, at most a third of the heap
 */
record BulkTuning(int insertRows, int copyRows, int commitRows, boolean deferParents, boolean deferIndexes, long h2CacheMb) {
    BulkTuning {
        if (insertRows < 1 || copyRows < 1 || commitRows < 1 || h2CacheMb < 0) {
            throw new IllegalArgumentException("bulk tuning needs positive batch and commit sizes and a cache size >= 0");
        }
    }

    static BulkTuning fromSystemProperties() {
        return new BulkTuning(1_000, 10_000,
                Integer.getInteger("forumkit.bulk.commitRows", 2_000),
                Boolean.parseBoolean(System.getProperty("forumkit.bulk.deferParents", "true")),
                Boolean.parseBoolean(System.getProperty("forumkit.bulk.deferIndexes", "true")),
                Math.min(Long.getLong("forumkit.bulk.cacheMb", 256), Runtime.getRuntime().maxMemory() / 3 / (1 << 20)));
    }
}
