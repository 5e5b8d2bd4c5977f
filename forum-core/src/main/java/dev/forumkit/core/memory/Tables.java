package dev.forumkit.core.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The in-memory database: sorted maps guarded by one read/write lock, with an undo log per transaction.
 * Writers run one at a time (serialisable); a failed transaction replays its undo log backwards.
 */
final class Tables {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<List<Runnable>> undo = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> committed = new ThreadLocal<>();
    private final AtomicLong ids = new AtomicLong();

    long nextId() {
        return ids.incrementAndGet();
    }

    <T> T write(Supplier<T> work) {
        if (undo.get() != null) {
            return work.get(); // join the transaction this thread already runs
        }
        if (lock.getReadHoldCount() > 0) {
            throw new IllegalStateException("cannot start a write transaction inside a read-only one");
        }
        lock.writeLock().lock();
        List<Runnable> log = new ArrayList<>();
        List<Runnable> after = new ArrayList<>();
        undo.set(log);
        committed.set(after);
        T result;
        try {
            result = work.get();
            log.clear();
        } catch (RuntimeException | Error e) {
            for (int i = log.size() - 1; i >= 0; i--) {
                log.get(i).run();
            }
            throw e;
        } finally {
            undo.remove();
            committed.remove();
            lock.writeLock().unlock();
        }
        after.forEach(Runnable::run); // committed and unlocked: readers on other threads see the changes now
        return result;
    }

    /** True inside a write transaction on this thread. */
    boolean inWrite() {
        return undo.get() != null;
    }

    /** Runs the action once the outermost write transaction of this thread committed; at once outside one. */
    void afterCommit(Runnable action) {
        List<Runnable> after = committed.get();
        if (after == null) {
            action.run();
        } else {
            after.add(action);
        }
    }

    <T> T read(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    void run(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    private void logUndo(Runnable action) {
        undo.get().add(action);
    }

    /** A sorted map whose writes are undone when the transaction fails. Writes must run inside {@link #write}. */
    final class TxMap<K, V> {
        private final NavigableMap<K, V> map;

        TxMap(Comparator<? super K> order) {
            this.map = new TreeMap<>(order);
        }

        V get(K key) {
            return map.get(key);
        }

        V put(K key, V value) {
            V old = map.put(key, value);
            logUndo(() -> {
                if (old == null) {
                    map.remove(key);
                } else {
                    map.put(key, old);
                }
            });
            return old;
        }

        V remove(K key) {
            V old = map.remove(key);
            if (old != null) {
                logUndo(() -> map.put(key, old));
            }
            return old;
        }

        Collection<V> values() {
            return map.values();
        }

        NavigableMap<K, V> range(K fromInclusive, K toInclusive) {
            return map.subMap(fromInclusive, true, toInclusive, true);
        }

        int size() {
            return map.size();
        }
    }

    <K extends Comparable<K>, V> TxMap<K, V> map() {
        return new TxMap<>(Comparator.naturalOrder());
    }
}
