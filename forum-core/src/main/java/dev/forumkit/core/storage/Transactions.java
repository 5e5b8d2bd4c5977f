package dev.forumkit.core.storage;

import java.util.function.Supplier;

/**
 * Runs work as one transaction. Port calls made inside {@code work} on the same thread join it; a nested call
 * joins the outer transaction. If {@code work} throws, nothing it wrote remains.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /** A consistent read; adapters may use a read-only connection or a shared lock. */
    <T> T readOnly(Supplier<T> work);

    /**
     * Runs {@code action} on this thread once the outermost write transaction this thread runs has committed, and
     * never if it rolls back (a retried attempt forgets what its failed attempts registered). Outside a write
     * transaction it runs at once. The action must not throw; it is how the outbox learns of new events without
     * delivering anything an outer caller's transaction may still roll back.
     */
    void afterCommit(Runnable action);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
