package dev.forumkit.core.internal;

import dev.forumkit.core.storage.Transactions;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Small writes that may wait (thread views, read marks), kept in memory by key, merged, and written in one transaction
 * per {@link #flush()}, so a page view costs no durable commit of its own. A crash loses at most what waited since the
 * last flush, never content. A failed flush keeps its batch (merged with what came meanwhile) for the next one.
 *
 * @param <K> what a value belongs to (a thread; a member and a thread)
 * @param <V> the value, merged by the given function (a sum of views; the highest post number read)
 */
public final class WriteBuffer<K, V> {
    private static final Logger LOG = Logger.getLogger(WriteBuffer.class.getName());
    private final String what;
    private final Transactions transactions;
    private final BinaryOperator<V> merge;
    private final Consumer<Map<K, V>> write;
    private final boolean buffered;
    private final int maxPending;
    // values changed by atomic merge and remove: a value added while a flush runs lands either in the batch or in a
    // new entry, never in an entry the flush already took
    private final ConcurrentHashMap<K, V> pending = new ConcurrentHashMap<>();

    /**
     * @param what       names the values in log lines ("read marks")
     * @param write      writes a batch; called inside a transaction
     * @param buffered   false writes every value at once, in a transaction of its own
     * @param maxPending beyond this many keys (a database down for long) values are written at once again, so memory
     *                   stays bounded
     */
    public WriteBuffer(String what, Transactions transactions, BinaryOperator<V> merge, Consumer<Map<K, V>> write,
                       boolean buffered, int maxPending) {
        this.what = Objects.requireNonNull(what);
        this.transactions = Objects.requireNonNull(transactions);
        this.merge = Objects.requireNonNull(merge);
        this.write = Objects.requireNonNull(write);
        this.buffered = buffered;
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be positive: " + maxPending);
        }
        this.maxPending = maxPending;
    }

    /** Buffers the value, merged with any waiting for the same key; unbuffered (or over the limit) writes it now. */
    public void add(K key, V value) {
        if (!buffered || pending.size() >= maxPending) {
            transactions.run(() -> write.accept(Map.of(key, value)));
            return;
        }
        pending.merge(key, value, merge);
    }

    /** The value waiting for this key, or null: merged into reads so a buffered write shows at once. */
    public V pending(K key) {
        return pending.get(key);
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Keys with a value waiting. */
    public int size() {
        return pending.size();
    }

    /**
     * Writes every waiting value in one transaction and returns what it wrote (empty when nothing waited). When the
     * write fails the batch goes back into the buffer and the failure is thrown; the next flush tries again.
     */
    public synchronized Map<K, V> flush() {
        Map<K, V> batch = new HashMap<>();
        for (K key : pending.keySet()) {
            V value = pending.remove(key);
            if (value != null) {
                batch.put(key, value);
            }
        }
        if (batch.isEmpty()) {
            return Map.of();
        }
        try {
            transactions.run(() -> write.accept(batch));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not write " + batch.size() + " " + what + "; keeping them for the next flush", e);
            batch.forEach((key, value) -> pending.merge(key, value, merge));
            throw e;
        }
        return batch;
    }
}
