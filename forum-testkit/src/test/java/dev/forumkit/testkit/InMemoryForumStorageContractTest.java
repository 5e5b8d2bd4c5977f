package dev.forumkit.testkit;

import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.storage.ForumStorage;

/** The in-memory adapter against the whole storage contract. */
class InMemoryForumStorageContractTest extends ForumStorageContract {
    @Override
    protected ForumStorage createStorage() {
        return new InMemoryForumStorage();
    }
}
