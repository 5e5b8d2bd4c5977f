package dev.forumkit.core.event;

/** What a consumer does with one event; throwing makes the runner retry the event later, with backoff. */
@FunctionalInterface
public interface EventHandler {
    void handle(EventDelivery delivery);
}
