package dev.forumkit.testkit.blob;

import dev.forumkit.core.blob.BlobStore;
import dev.forumkit.core.memory.InMemoryBlobStore;
import dev.forumkit.testkit.FixedClock;

class InMemoryBlobStoreContractTest extends BlobStoreContract {
    @Override
    protected BlobStore createStore(FixedClock clock) {
        return new InMemoryBlobStore(clock);
    }
}
