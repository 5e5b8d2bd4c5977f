package dev.forumkit.search.lucene;

import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.testkit.search.SearchIndexContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The contract on an index in a real directory on disk, as the app keeps it. */
class LuceneSearchIndexContractTest extends SearchIndexContract {
    @TempDir
    Path dir;

    @Override
    protected SearchIndex createIndex() {
        return LuceneSearchIndex.open(dir.resolve("search"));
    }
}
