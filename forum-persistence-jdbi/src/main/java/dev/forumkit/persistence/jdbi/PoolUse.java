package dev.forumkit.persistence.jdbi;

/**
 * The connection pool at one moment, as HikariCP counts it: connections in use, idle, and threads waiting for one,
 * with the pool's size limit. For metrics; see {@link JdbiForumStorage#poolUse()}.
 */
public record PoolUse(int active, int idle, int waiting, int max) {
    public PoolUse {
        if (active < 0 || idle < 0 || waiting < 0 || max < 0) {
            throw new IllegalArgumentException("pool figures are never negative");
        }
    }
}
