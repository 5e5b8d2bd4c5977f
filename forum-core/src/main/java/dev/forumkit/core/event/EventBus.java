package dev.forumkit.core.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Delivers events to the registered listeners; one failing listener never stops the others. */
public final class EventBus {
    private static final Logger LOG = Logger.getLogger(EventBus.class.getName());
    private final List<ForumEventListener> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(ForumEventListener listener) {
        listeners.add(listener);
    }

    public void publish(List<ForumEvent> events) {
        for (ForumEvent event : events) {
            for (ForumEventListener l : listeners) {
                try {
                    l.on(event);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "event listener failed on " + event, e);
                }
            }
        }
    }
}
