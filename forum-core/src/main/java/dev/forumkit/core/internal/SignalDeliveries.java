package dev.forumkit.core.internal;

import dev.forumkit.core.signal.Signal;
import dev.forumkit.core.signal.SignalListener;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Hands a signal (or a loss) to each listener; one that throws is logged and the others still hear it. */
public final class SignalDeliveries {
    private SignalDeliveries() {
    }

    public static void deliver(List<SignalListener> listeners, Signal signal, Logger log) {
        for (SignalListener l : listeners) {
            try {
                l.on(signal);
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "signal listener failed on " + signal, e);
            }
        }
    }

    public static void missed(List<SignalListener> listeners, Logger log) {
        for (SignalListener l : listeners) {
            try {
                l.missed();
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "signal listener failed on a loss", e);
            }
        }
    }
}
