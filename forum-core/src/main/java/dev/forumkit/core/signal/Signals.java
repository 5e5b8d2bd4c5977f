package dev.forumkit.core.signal;

/**
 * The cross-node bus port: a signal published on any node reaches the listeners of every node of the forum,
 * including the publisher's own, within about a second. In-process ({@link LocalSignals}) for one node on the
 * embedded database; PostgreSQL {@code LISTEN/NOTIFY} for several nodes on one PostgreSQL. Delivery is best effort
 * with loss reported: when signals may have been lost, listeners are told through {@link SignalListener#missed()}.
 */
public interface Signals extends AutoCloseable {
    /**
     * Sends the signal to every node; returns at once (the send happens on the bus's thread), never throws for a
     * delivery failure. Call it after the change it announces has committed.
     */
    void publish(Signal signal);

    /** Adds a listener for every signal from now on; closing the answer removes it. */
    AutoCloseable listen(SignalListener listener);

    /**
     * Whether the bus hears signals right now. False while a PostgreSQL bus is reconnecting: a node must not rely on
     * "no signal came" (serve a cached page) meanwhile.
     */
    boolean live();

    /** Stops the bus's threads and connections; later publishes are dropped. */
    @Override
    void close();
}
