package dev.forumkit.core.event;

/**
 * Receives events after their transaction committed, on the outbox thread (or the thread calling
 * {@code forum.outbox().drain()}). A listener that throws is logged and skipped; it is not called again for that event.
 */
@FunctionalInterface
public interface ForumEventListener {
    void on(ForumEvent event);
}
