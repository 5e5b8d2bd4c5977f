package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.testkit.StorageFactory;
import dev.forumkit.testkit.contract.SearchingContract;
import org.junit.jupiter.api.BeforeAll;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Searching through the forum on PostgreSQL with the database's own full-text index, fed by the outbox consumer
 * 'search' as an in-storage consumer (the way the app runs on PostgreSQL).
 */
class PostgresSearchingContractTest extends SearchingContract {
    private static PostgresServer server;
    private final Map<ForumStorage, String> schemas = new IdentityHashMap<>();

    @BeforeAll
    static void startServer() {
        server = PostgresServer.shared();
    }

    @Override
    protected StorageFactory storageFactory() {
        return new StorageFactory() {
            @Override
            public ForumStorage createStorage() {
                String url = server.freshSchemaUrl();
                JdbiForumStorage storage = TestPools.postgres(server, url, 8);
                schemas.put(storage, url);
                return storage;
            }

            @Override
            public void closeStorage(ForumStorage storage) {
                try {
                    storage.close();
                } finally {
                    server.dropSchemaOf(schemas.remove(storage));
                }
            }
        };
    }

    @Override
    protected void configure(ForumConfig config) {
        config.searchIndex(((JdbiForumStorage) storage).searchIndex().orElseThrow());
    }
}
