package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.testkit.ForumStorageContract;
import org.junit.jupiter.api.BeforeAll;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * JdbiForumStorage on a real PostgreSQL server against the whole storage contract: one server for the test JVM
 * (embedded binaries, or FORUMKIT_TEST_PG_URL), a fresh schema per test.
 */
class PostgresForumStorageContractTest extends ForumStorageContract {
    private static PostgresServer server;
    private final Map<ForumStorage, String> schemas = new IdentityHashMap<>();

    @BeforeAll
    static void startServer() {
        server = PostgresServer.shared();
    }

    @Override
    protected ForumStorage createStorage() {
        String url = server.freshSchemaUrl();
        JdbiForumStorage storage = TestPools.postgres(server, url, 70);
        schemas.put(storage, url);
        return storage;
    }

    @Override
    protected void closeStorage(ForumStorage storage) {
        try {
            storage.close();
        } finally {
            server.dropSchemaOf(schemas.remove(storage));
        }
    }
}
