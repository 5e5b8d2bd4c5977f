package dev.forumkit.core.signal;

/**
 * Hears the bus. Called on the bus's own thread, one signal at a time: return quickly (wake a worker, drop a cache),
 * never block on the request path. A listener that throws is logged and skipped.
 */
public interface SignalListener {
    void on(Signal signal);

    /**
     * Signals may have been lost: the bus lost its connection (called at once) or has just listened again after one
     * (called again). Anything kept on the strength of "no signal came" must be dropped (a cache emptied), and work
     * that a signal would have started should look for itself. The default does nothing.
     */
    default void missed() {
    }
}
