package dev.forumkit.persistence.jdbi;

import org.junit.jupiter.api.BeforeAll;

import java.util.IdentityHashMap;
import java.util.Map;

class PostgresConcurrencyTest extends ConcurrencyScenarios {
    private static PostgresServer server;
    private final Map<JdbiForumStorage, String> schemas = new IdentityHashMap<>();

    @BeforeAll
    static void start() {
        server = PostgresServer.shared();
    }

    @Override
    protected JdbiForumStorage createStorage(int connections) {
        String url = server.freshSchemaUrl();
        JdbiForumStorage s = TestPools.postgres(server, url, connections);
        schemas.put(s, url);
        return s;
    }

    @Override
    protected void dispose(JdbiForumStorage storage) {
        storage.close();
        server.dropSchemaOf(schemas.remove(storage));
    }
}
