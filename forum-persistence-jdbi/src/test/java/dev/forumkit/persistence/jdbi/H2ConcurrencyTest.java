package dev.forumkit.persistence.jdbi;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;

class H2ConcurrencyTest extends ConcurrencyScenarios {
    private final Map<JdbiForumStorage, Path> dirs = new IdentityHashMap<>();

    @Override
    protected JdbiForumStorage createStorage(int connections) {
        Path dir = TempDirs.create("forumkit-h2-race");
        JdbiForumStorage s = TestPools.h2(dir, connections);
        dirs.put(s, dir);
        return s;
    }

    @Override
    protected void dispose(JdbiForumStorage storage) {
        storage.close();
        TempDirs.delete(dirs.remove(storage));
    }
}
