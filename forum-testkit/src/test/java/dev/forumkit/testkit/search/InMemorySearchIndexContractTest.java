package dev.forumkit.testkit.search;

import dev.forumkit.core.memory.InMemorySearchIndex;
import dev.forumkit.core.search.SearchIndex;

class InMemorySearchIndexContractTest extends SearchIndexContract {
    @Override
    protected SearchIndex createIndex() {
        return new InMemorySearchIndex();
    }
}
