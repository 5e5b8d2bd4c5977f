package dev.forumkit.core.signal;

import dev.forumkit.core.internal.SignalDeliveries;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The in-process bus, for one node (the embedded H2 database can be opened by one process only, so there is nobody
 * else to tell). Listeners run on one daemon thread, in publish order, never on the publisher's thread: a publish
 * from a request's after-commit hook costs the request nothing. It never loses a signal, so it never reports one.
 */
public final class LocalSignals implements Signals {
    private static final Logger LOG = Logger.getLogger(LocalSignals.class.getName());
    private final List<SignalListener> listeners = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor thread = oneIdleThread();

    /** One thread at most (which keeps the order), gone after ten idle seconds: tests make thousands of forums. */
    private static ThreadPoolExecutor oneIdleThread() {
        ThreadPoolExecutor e = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "forumkit-signals");
            t.setDaemon(true);
            return t;
        });
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    @Override
    public void publish(Signal signal) {
        try {
            thread.execute(() -> SignalDeliveries.deliver(listeners, signal, LOG));
        } catch (RejectedExecutionException closed) {
            LOG.log(Level.FINE, "signal after close dropped: {0}", signal);
        }
    }

    @Override
    public AutoCloseable listen(SignalListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public boolean live() {
        return !thread.isShutdown();
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
