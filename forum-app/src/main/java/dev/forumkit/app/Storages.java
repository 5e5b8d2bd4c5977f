package dev.forumkit.app;

import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.persistence.jdbi.ConnectionPools;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;

/**
 * The one place the app chooses its storage: the database at {@code jdbc.url} (PostgreSQL) when it is set,
 * otherwise the embedded H2 database under the data directory, with the forum's tables in the schema
 * {@code jdbc.schema} if set. Either way the schema is brought up to date first.
 */
final class Storages {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Storages.class);
    private Storages() {
    }

    /** The storage, with the read replica {@code replica.jdbc.url} names (PostgreSQL only). */
    static ForumStorage open(Settings settings, NodeSettings nodes) {
        ForumStorage storage = settings.jdbcUrl() == null ? open(settings) : patiently(settings);
        if (nodes.replica()) {
            if (settings.jdbcUrl() == null) {
                storage.close();
                throw new IllegalArgumentException("replica.jdbc.url needs jdbc.url: the embedded H2 database has no replicas");
            }
            ((JdbiForumStorage) storage).readReplica(nodes.replicaUrl(), nodes.replicaUser(), nodes.replicaPassword(),
                    nodes.replicaMaxLag());
        }
        return storage;
    }

    /** How long a starting node waits for a database that does not answer in time (still starting, or overloaded). */
    static final java.time.Duration START_PATIENCE = java.time.Duration.ofSeconds(60);

    /**
     * Opens the shared database, trying again for up to {@link #START_PATIENCE} while it is unavailable: a node
     * started with (or before) its database, or on a loaded machine where a cold JVM's first connection takes longer
     * than the pool's 2 s, waits instead of exiting.
     */
    private static ForumStorage patiently(Settings settings) {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return open(settings);
            } catch (dev.forumkit.core.StorageUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warn("the database does not answer yet (attempt {}: {}); trying again", attempt, e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException i) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static ForumStorage open(Settings settings) {
        if (settings.jdbcUrl() != null) {
            return JdbiForumStorage.connect(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword(),
                    settings.forumSchema());
        }
        return JdbiForumStorage.embeddedH2(settings.dataDir(), settings.forumSchema()).groupCommit(Settings.h2GroupCommit());
    }

    /**
     * For batch commands (generate) on PostgreSQL: a small pool that waits up to a minute for a connection instead of
     * failing fast as the server does, since a loaded machine can take seconds to give one.
     */
    static ForumStorage openForBatch(Settings settings) {
        return openForBatch(settings, 2);
    }

    /**
     * As {@link #openForBatch(Settings)} with {@code connections} in the pool: an import holds one for its writer while
     * the search rebuild reads posts on a second and writes PostgreSQL's index on a third.
     */
    static ForumStorage openForBatch(Settings settings, int connections) {
        if (settings.jdbcUrl() == null) {
            try {
                java.nio.file.Files.createDirectories(settings.dataDir());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create the data directory " + settings.dataDir(), e);
            }
            return JdbiForumStorage.owning(ConnectionPools.hikari(ConnectionPools.embeddedH2Url(settings.dataDir()), "sa", "", c -> {
                c.setMaximumPoolSize(connections);
                c.setConnectionTimeout(60_000);
            }), settings.forumSchema());
        }
        return JdbiForumStorage.owning(ConnectionPools.hikari(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword(), c -> {
            c.setSchema(settings.forumSchema().name()); // PostgreSQL takes a schema Flyway has yet to create
            c.setMaximumPoolSize(connections);
            c.setConnectionTimeout(60_000);
            c.addDataSourceProperty("connectTimeout", "60");
            c.addDataSourceProperty("loginTimeout", "60");
            c.addDataSourceProperty("socketTimeout", "0"); // index builds on a large table run for minutes
        }), settings.forumSchema());
    }

    static String describe(Settings settings) {
        String in = settings.forumSchema().isNamed() ? ", schema " + settings.forumSchema().name() : "";
        return (settings.jdbcUrl() != null ? "database at " + settings.jdbcUrl().replaceAll("password=[^;&]*", "password=***")
                : "embedded H2 database in " + settings.dataDir()) + in;
    }

    /** The storage's cross-node bus (LISTEN/NOTIFY on PostgreSQL, in-process on H2); empty for other storages. */
    static java.util.Optional<dev.forumkit.core.signal.Signals> signals(ForumStorage storage) {
        return storage instanceof JdbiForumStorage jdbi ? java.util.Optional.of(jdbi.signals()) : java.util.Optional.empty();
    }
}
