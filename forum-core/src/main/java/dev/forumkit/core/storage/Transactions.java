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

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
