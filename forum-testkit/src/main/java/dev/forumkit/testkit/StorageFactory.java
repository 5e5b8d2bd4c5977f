package dev.forumkit.testkit;

import dev.forumkit.core.storage.ForumStorage;

/** Gives each contract test a fresh, empty storage and takes it back afterwards. */
public interface StorageFactory {
    ForumStorage createStorage();

    default void closeStorage(ForumStorage storage) {
        storage.close();
    }
}
