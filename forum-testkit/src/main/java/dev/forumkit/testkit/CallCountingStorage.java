package dev.forumkit.testkit;

import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.storage.Transactions;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a storage and counts every call on its ports by {@code Port.method} (each one SQL statement or more on a
 * database), so a test can pin what a page or a command costs without timing anything. Calls made on forumkit's own
 * background threads (named {@code forumkit-...}: the outbox, the view flusher) are not counted: they are not the
 * cost of the request under test. {@link Transactions} is passed through uncounted.
 */
public final class CallCountingStorage {
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final ForumStorage storage;

    public CallCountingStorage(ForumStorage inner) {
        // a proxy rather than a hand-written decorator: every port (and every port added later) is counted
        this.storage = (ForumStorage) Proxy.newProxyInstance(ForumStorage.class.getClassLoader(),
                new Class<?>[]{ForumStorage.class}, (proxy, method, args) -> {
                    if (method.isDefault()) {
                        // a read of several ports in one call (holdEvidence): one storage call, one round trip
                        count("ForumStorage." + method.getName());
                    }
                    Object port = call(method, inner, args);
                    Class<?> type = method.getReturnType();
                    if (port == null || !type.isInterface() || type == Transactions.class) {
                        return port;
                    }
                    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, m, a) -> {
                        if (m.getDeclaringClass() != Object.class) {
                            count(type.getSimpleName() + "." + m.getName());
                        }
                        return call(m, port, a);
                    });
                });
    }

    /** The counting storage to hand to {@code Forum.create}. */
    public ForumStorage storage() {
        return storage;
    }

    /** Forgets the calls counted so far. */
    public void reset() {
        calls.clear();
    }

    /** The calls counted since the last {@link #reset}, by {@code Port.method}, sorted. */
    public Map<String, Integer> byMethod() {
        Map<String, Integer> copy = new TreeMap<>();
        calls.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** All calls counted since the last {@link #reset}. */
    public int total() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void count(String name) {
        if (!Thread.currentThread().getName().startsWith("forumkit-")) {
            calls.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static Object call(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
