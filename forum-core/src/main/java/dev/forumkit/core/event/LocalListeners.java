package dev.forumkit.core.event;

import dev.forumkit.core.storage.ForumStorage;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node-local consumer that feeds the in-process listeners: every node sees every event committed after it
 * started. Its position lives in memory only, so it costs no write.
 */
final class LocalListeners {
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private final ForumStorage storage;
    private final EventBus bus;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long position = -1; // unknown until the storage first answers

    LocalListeners(ForumStorage storage, EventBus bus) {
        this.storage = storage;
        this.bus = bus;
        try {
            position = storage.eventLog().head();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the outbox head at start; listeners start when the storage answers", e);
        }
    }

    long position() {
        return position;
    }

    boolean round(boolean wait) {
        if (wait) {
            lock.lock();
        } else if (!lock.tryLock()) {
            return false;
        }
        try {
            if (position < 0) {
                position = storage.eventLog().head();
            }
            List<StoredEvent> batch = storage.eventLog().after(position, DurableConsumer.BATCH);
            for (StoredEvent e : batch) {
                ForumEvent event;
                try {
                    event = EventCodec.decode(e.event());
                } catch (IllegalArgumentException undecodable) {
                    LOG.log(Level.WARNING, "skipping outbox event " + e.position() + " for listeners", undecodable);
                    position = e.position();
                    continue;
                }
                bus.publish(List.of(event));
                position = e.position();
            }
            return !batch.isEmpty();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "listeners could not read the outbox; will retry", e);
            return false;
        } finally {
            lock.unlock();
        }
    }
}
