package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.storage.ForumStorage;

/**
 * The forum in a schema of its own in a host's PostgreSQL database, beside the host's own tables and history; search
 * runs on the database's full-text index in the forum's schema.
 */
class PostgresHostDatabaseTest extends HostDatabaseContract {
    @Override
    protected HostDatabase openHost() {
        return HostDatabase.postgres(PostgresServer.shared());
    }

    @Override
    protected void configureSearch(ForumConfig config, ForumStorage storage) {
        config.searchIndex(((JdbiForumStorage) storage).searchIndex().orElseThrow());
    }
}
