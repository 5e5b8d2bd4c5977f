package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.StorageUnavailableException;
import dev.forumkit.core.storage.Transactions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Transactions on a thread-bound {@link Handle}: every port call made on the thread inside {@code inTransaction}
 * joins it, nested calls included; a port call outside any transaction runs on a short handle of its own.
 * A transaction the database aborts as a deadlock victim or serialisation failure is retried whole.
 *
 * <p>On an H2 file database write transactions run one at a time (the write gate): H2's MVStore writes a chunk
 * as a snapshot of each map taken one after the other, not of all maps at once, so a chunk written while other
 * transactions change rows can hold part of a transaction (a post without its counter updates, or a row still
 * marked as changed by a transaction whose undo log did not make it; after a crash that row can never be locked
 * again). See h2database/h2database#2080. With one writer at a time and {@code WRITE_DELAY=0} every chunk is
 * written at a commit with no other change in flight. Read-only transactions are not gated. Writers that queue
 * while one commits share the next durable commit (group commit, see {@link WriteGate}): still one at a time, each
 * acknowledged only once that commit is done.
 */
final class JdbiTransactions implements Transactions {
    static final int ATTEMPTS = 5;
    /** How long a write transaction waits for the write gate before the storage counts as busy (as H2's LOCK_TIMEOUT). */
    static final long GATE_TIMEOUT_MILLIS = 10_000;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    /** One write gate per H2 file database URL, shared by every storage on it in this JVM. */
    private static final ConcurrentHashMap<String, WriteGate> GATES = new ConcurrentHashMap<>();
    private final WriteGate writeGate; // null: writers run concurrently (PostgreSQL, H2 in memory)
    private volatile ReadReplica replica; // null: every read on the primary

    private record Tx(Handle handle, boolean readOnly, List<Runnable> afterCommit, DeferredWrites deferred) {
        Tx(Handle handle, boolean readOnly, List<Runnable> afterCommit) {
            this(handle, readOnly, afterCommit, new DeferredWrites());
        }
    }

    /** {@code gateKey}: the H2 file database's URL when writers must take turns there, else null. */
    JdbiTransactions(Jdbi jdbi, Dialect dialect, String gateKey) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.writeGate = gateKey == null ? null : GATES.computeIfAbsent(gateKey, k -> new WriteGate());
    }

    /** True when write transactions run one at a time (an H2 file database). */
    boolean oneWriterAtATime() {
        return writeGate != null;
    }

    /** Durable commits of gated write transactions so far (several writers may share one); 0 without a gate. */
    long gatedCommits() {
        return writeGate == null ? 0 : writeGate.commits();
    }

    /** Group commit on the write gate (see {@link WriteGate#groupCommit(boolean)}); nothing without a gate. */
    void groupCommit(boolean on) {
        if (writeGate != null) {
            writeGate.groupCommit(on);
        }
    }

    /** Writers waiting for the write gate now; 0 without a gate. */
    int queuedWriters() {
        return writeGate == null ? 0 : writeGate.queued();
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
        List<Runnable> after = new ArrayList<>();
        T result = retrying(() -> {
            after.clear(); // what a failed attempt registered is forgotten with it
            return gated(work, after);
        });
        after.forEach(Runnable::run); // committed, and out of the write gate
        return result;
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        ReadReplica r = replica;
        if (r != null && r.usable() && dev.forumkit.core.storage.ReplicaReads.allowed()) {
            try {
                return retrying(() -> attempt(r.jdbi(), work, true, new ArrayList<>()));
            } catch (StorageUnavailableException e) {
                r.failed(e); // read-only work is safe to run again: on the primary, below
            }
        }
        return retrying(() -> attempt(jdbi, work, true, new ArrayList<>()));
    }

    /** Sends the reads {@code ReplicaReads} allows to this replica while it is usable; null: none. */
    void replica(ReadReplica replica) {
        this.replica = replica;
    }

    ReadReplica replica() {
        return replica;
    }

    @Override
    public void afterCommit(Runnable action) {
        Tx tx = current.get();
        if (tx == null || tx.readOnly) {
            action.run();
        } else {
            tx.afterCommit.add(action);
        }
    }

    /** True inside {@code inTransaction} on this thread (not inside a read-only one, not outside both). */
    boolean inWriteTransaction() {
        Tx tx = current.get();
        return tx != null && !tx.readOnly;
    }

    /**
     * True when a write whose only result is its row count may be held back with {@link #later}: inside a write
     * transaction on PostgreSQL, where every statement is a network round trip. H2 runs in this process: no round
     * trips to save, so its statements run at once as they always did.
     */
    boolean defers() {
        Tx tx = current.get();
        return tx != null && !tx.readOnly && dialect == Dialect.POSTGRES;
    }

    /**
     * Holds back a write (placeholders {@code ?}) until the transaction's next statement or its commit, which take it
     * along in the same round trip ({@link DeferredWrites}); {@code rows} gets its row count then. Only when
     * {@link #defers()}.
     */
    void later(String sql, java.util.function.IntConsumer rows, Object... args) {
        Tx tx = current.get();
        if (tx == null || tx.readOnly || dialect != Dialect.POSTGRES) {
            throw new IllegalStateException("writes are held back only inside a write transaction on PostgreSQL");
        }
        tx.deferred.add(sql, args, rows);
    }

    /** Runs a port's statements on the current transaction's handle, or on a short one of their own. */
    <T> T with(Function<Handle, T> work) {
        Tx tx = current.get();
        if (tx != null) {
            try {
                tx.deferred.flush(tx.handle); // held-back writes first, in order
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

    /** Sets a plain statement's parameters. */
    @FunctionalInterface
    interface Binds {
        void bind(java.sql.PreparedStatement statement) throws java.sql.SQLException;
    }

    /** Reads a plain statement's result set whole. */
    @FunctionalInterface
    interface Reads<T> {
        T read(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    /** A driver failure of a plain read, on its way to {@link Errors#translate} (which classifies it by its SQLState). */
    private static final class PlainFailure extends RuntimeException {
        PlainFailure(java.sql.SQLException cause) {
            super(cause.getSQLState(), cause, false, false);
        }
    }

    /**
     * A read (placeholders {@code ?}) straight on the JDBC connection of the handle {@link #with} gives it (the
     * current transaction's, or a short one of its own): the same connection, transaction and error translation as a
     * Jdbi query, without Jdbi's statement machinery (binding, statement context, cleanables, mapper lookup), which
     * cost ~15 us and 4.5 KB a statement on a thread page's reads (task pageread). For a page's hot reads only.
     *
     * <p>The statement is still reported to the Jdbi instance's {@link org.jdbi.v3.core.statement.SqlLogger} when one
     * is set (tests count statements with one): with a statement context of its own, made only then.
     */
    <T> T plain(String sql, Binds binds, Reads<T> reads) {
        return with(h -> logged(h, sql, () -> run(h.getConnection(), sql, binds, reads)));
    }

    /**
     * A write (placeholders {@code ?}, values in order, {@code null} for SQL NULL): held back when the transaction
     * {@link #defers()} (PostgreSQL, {@link #later}); otherwise run at once as a plain JDBC statement on the handle
     * {@link #with} gives it, like {@link #plain} (the same connection, transaction, error translation and statement
     * logging), without Jdbi's binding by name and statement machinery (task h2writer: a reply's writes on H2).
     * {@code rows} gets the row count.
     */
    void write(String sql, java.util.function.IntConsumer rows, Object... args) {
        if (defers()) {
            later(sql, rows, args);
            return;
        }
        rows.accept(plainUpdate(sql, args));
    }

    /** A write run at once as a plain JDBC statement (see {@link #write}); answers its row count. */
    int plainUpdate(String sql, Object... args) {
        return with(h -> logged(h, sql, () -> {
            try (java.sql.PreparedStatement statement = h.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    if (args[i] == null) {
                        statement.setNull(i + 1, java.sql.Types.NULL);
                    } else {
                        statement.setObject(i + 1, args[i]);
                    }
                }
                return statement.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new PlainFailure(e);
            }
        }));
    }

    /** Runs a plain statement, reporting it to the Jdbi instance's SqlLogger when one is set (see {@link #plain}). */
    private static <T> T logged(Handle h, String sql, java.util.function.Supplier<T> statement) {
        org.jdbi.v3.core.statement.SqlLogger logger = h.getConfig(org.jdbi.v3.core.statement.SqlStatements.class)
                .getSqlLogger();
        if (logger == org.jdbi.v3.core.statement.SqlLogger.NOP_SQL_LOGGER) {
            return statement.get();
        }
        try (org.jdbi.v3.core.statement.Query q = h.createQuery(sql)) {
            org.jdbi.v3.core.statement.StatementContext ctx = q.getContext();
            logger.logBeforeExecution(ctx);
            T result = statement.get();
            logger.logAfterExecution(ctx);
            return result;
        }
    }

    private static <T> T run(java.sql.Connection connection, String sql, Binds binds, Reads<T> reads) {
        try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            binds.bind(statement);
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                return reads.read(rs);
            }
        } catch (java.sql.SQLException e) {
            throw new PlainFailure(e);
        }
    }

    /**
     * Runs statements in a write transaction of their own on a handle of their own, whatever this thread is in: for
     * writes that must not join the thread's transaction (a search index filled from inside a read-only cursor).
     * Not gated: only the PostgreSQL search index uses it.
     */
    <T> T apart(Function<Handle, T> work) {
        return retrying(() -> {
            try (Handle h = jdbi.open()) {
                return h.inTransaction(work::apply);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    /**
     * Runs statements on a handle of its own, outside any transaction, whatever this thread is in: in auto-commit, so
     * several statements sent as one message run as one implicit transaction that commits with the answer (one round
     * trip, no BEGIN or COMMIT of its own). Retried whole on a deadlock or serialisation failure.
     */
    <T> T own(Function<Handle, T> work) {
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

    /**
     * Runs one attempt of a write transaction: on its own (no gate), or as one writer's turn in the write gate's
     * group commit, where the handle and its commit belong to the group.
     */
    private <T> T gated(Supplier<T> work, List<Runnable> afterCommit) {
        if (writeGate == null) {
            return attempt(jdbi, work, false, afterCommit);
        }
        return writeGate.run(jdbi, GATE_TIMEOUT_MILLIS, h -> {
            Tx tx = new Tx(h, false, afterCommit);
            current.set(tx);
            try {
                T result = work.get();
                tx.deferred.flush(h); // nothing is held back on H2; kept so no write could ever be dropped
                return result;
            } finally {
                current.remove();
            }
        });
    }

    private <T> T attempt(Jdbi on, Supplier<T> work, boolean readOnly, List<Runnable> afterCommit) {
        Handle h;
        try {
            h = on.open();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
        try {
            begin(h, readOnly);
            Tx tx = new Tx(h, readOnly, afterCommit);
            current.set(tx);
            T result;
            try {
                result = work.get();
                tx.deferred.flush(h); // the writes held back to the end: one round trip before the commit's
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
