package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.storage.Transactions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Transactions on a thread-bound {@link Handle}: every port call made on the thread inside {@code inTransaction}
 * joins it, nested calls included; a port call outside any transaction runs on a short handle of its own.
 * A transaction the database aborts as a deadlock victim or serialisation failure is retried whole.
 */
final class JdbiTransactions implements Transactions {
    static final int ATTEMPTS = 5;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    private record Tx(Handle handle, boolean readOnly) {
    }

    JdbiTransactions(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Tx tx = current.get();
        if (tx != null) {
            if (tx.readOnly) {
                throw new IllegalStateException("cannot start a write transaction inside a read-only one");
            }
            return work.get();
        }
        return retrying(() -> attempt(work, false));
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        return retrying(() -> attempt(work, true));
    }

    /** True inside {@code inTransaction} on this thread (not inside a read-only one, not outside both). */
    boolean inWriteTransaction() {
        Tx tx = current.get();
        return tx != null && !tx.readOnly;
    }

    /** Runs a port's statements on the current transaction's handle, or on a short one of their own. */
    <T> T with(Function<Handle, T> work) {
        Tx tx = current.get();
        if (tx != null) {
            try {
                return work.apply(tx.handle);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        }
        // outside a transaction each statement commits on its own, so it is safe to run it again
        return retrying(() -> {
            try (Handle h = jdbi.open()) {
                return work.apply(h);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    void use(Consumer<Handle> work) {
        with(h -> {
            work.accept(h);
            return null;
        });
    }

    /** Runs a streaming read (a cursor) inside a transaction, joining the current one if there is one. */
    void stream(Consumer<Handle> work) {
        if (current.get() != null) {
            use(work);
        } else {
            readOnly(() -> {
                use(work);
                return null;
            });
        }
    }

    private <T> T retrying(Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (Errors.Retry e) {
                if (n >= ATTEMPTS) {
                    throw new ConflictException("the database kept refusing the change because of concurrent changes;"
                            + " try again", e.getCause());
                }
                pause(n);
            }
        }
    }

    private <T> T attempt(Supplier<T> work, boolean readOnly) {
        Handle h;
        try {
            h = jdbi.open();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
        try {
            begin(h, readOnly);
            current.set(new Tx(h, readOnly));
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                rollbackQuietly(h, e);
                throw Errors.translate(e);
            } catch (Error e) {
                rollbackQuietly(h, e);
                throw e;
            } finally {
                current.remove();
            }
            try {
                h.commit();
            } catch (RuntimeException e) {
                rollbackQuietly(h, e);
                throw Errors.translate(e);
            }
            return result;
        } finally {
            end(h, readOnly);
        }
    }

    private void begin(Handle h, boolean readOnly) {
        try {
            h.begin();
            if (readOnly) {
                dialect.beginReadOnly(h.getConnection());
            }
        } catch (RuntimeException e) {
            closeQuietly(h);
            throw Errors.translate(e);
        } catch (java.sql.SQLException e) {
            rollbackQuietly(h, e);
            closeQuietly(h);
            throw Errors.translate(e);
        }
    }

    private void end(Handle h, boolean readOnly) {
        try {
            if (readOnly && !h.getConnection().isClosed()) {
                dialect.endReadOnly(h.getConnection());
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            // the pool validates and replaces a broken connection
        }
        closeQuietly(h);
    }

    private static void rollbackQuietly(Handle h, Throwable failure) {
        try {
            if (h.isInTransaction()) {
                h.rollback();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeQuietly(Handle h) {
        try {
            h.close();
        } catch (RuntimeException e) {
            // a handle over a dead connection may fail to close; the pool discards the connection anyway
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
