package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.testkit.search.SearchIndexContract;
import org.junit.jupiter.api.BeforeAll;

import java.util.IdentityHashMap;
import java.util.Map;

/** The PostgreSQL full-text index against the search index contract: a fresh schema (V9 included) per test. */
class PostgresSearchIndexContractTest extends SearchIndexContract {
    private static PostgresServer server;
    private final Map<SearchIndex, JdbiForumStorage> storages = new IdentityHashMap<>();
    private final Map<SearchIndex, String> schemas = new IdentityHashMap<>();

    @BeforeAll
    static void startServer() {
        server = PostgresServer.shared();
    }

    @Override
    protected SearchIndex createIndex() {
        String url = server.freshSchemaUrl();
        JdbiForumStorage storage = TestPools.postgres(server, url, 4);
        SearchIndex index = storage.searchIndex().orElseThrow();
        storages.put(index, storage);
        schemas.put(index, url);
        return index;
    }

    @Override
    protected void closeIndex(SearchIndex used) {
        try {
            used.close();
            storages.remove(used).close();
        } finally {
            server.dropSchemaOf(schemas.remove(used));
        }
    }
}
