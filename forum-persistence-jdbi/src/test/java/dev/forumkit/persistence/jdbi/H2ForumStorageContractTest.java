package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.testkit.ForumStorageContract;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;

/** JdbiForumStorage on the embedded H2 file database (as the app runs it) against the whole storage contract. */
class H2ForumStorageContractTest extends ForumStorageContract {
    private final Map<ForumStorage, Path> dirs = new IdentityHashMap<>();

    @Override
    protected ForumStorage createStorage() {
        Path dir = TempDirs.create("forumkit-h2-contract");
        JdbiForumStorage storage = TestPools.h2(dir, 70);
        dirs.put(storage, dir);
        return storage;
    }

    @Override
    protected void closeStorage(ForumStorage storage) {
        try {
            storage.close();
        } finally {
            TempDirs.delete(dirs.remove(storage));
        }
    }
}
