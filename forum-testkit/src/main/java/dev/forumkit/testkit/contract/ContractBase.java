package dev.forumkit.testkit.contract;

import dev.forumkit.core.Forum;
import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.counter.RecountReport;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.testkit.FixedClock;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StorageFactory;
import dev.forumkit.testkit.WriteCountingStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every contract group shares: a fresh storage per test, a fixed clock, a forum over the storage
 * (through a {@link WriteCountingStorage}) and helpers to run port calls in transactions.
 */
public abstract class ContractBase {
    /** The storage under test, as the adapter made it. */
    protected ForumStorage storage;
    /** The storage the forum uses: the same, counting write transactions. */
    protected WriteCountingStorage counted;
    protected FixedClock clock;
    protected Forum forum;
    private StorageFactory factory;
    private ForumFixture fixture;

    /** Where the storage under test comes from; {@code ForumStorageContract} hands in its own. */
    protected abstract StorageFactory storageFactory();

    @BeforeEach
    final void openContractStorage() {
        factory = storageFactory();
        storage = factory.createStorage();
        counted = new WriteCountingStorage(storage);
        clock = FixedClock.atDefaultStart();
        forum = ForumFixture.forum(counted, clock, this::configure);
    }

    /** Settings of the forum under test beyond the fixture's (a test of a storage's own search index sets it). */
    protected void configure(ForumConfig config) {
    }

    @AfterEach
    final void closeContractStorage() {
        try {
            if (forum != null) {
                forum.close();
            }
        } finally {
            factory.closeStorage(storage);
        }
    }

    /** The fixture (admin, moderator, category, board), built on first use. */
    protected ForumFixture fx() {
        if (fixture == null) {
            fixture = ForumFixture.on(forum, counted);
        }
        return fixture;
    }

    protected <T> T tx(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    protected void txRun(Runnable work) {
        storage.transactions().run(work);
    }

    protected <T> T read(Supplier<T> work) {
        return storage.transactions().readOnly(work);
    }

    /** Recounts without repairing and fails with every difference if any counter was off. */
    protected void assertCountersMatchRecount() {
        RecountReport report = forum.counters().recountAsSystem(false);
        assertThat(report.differences()).as("counters that differ from a recount").isEmpty();
    }
}
