package dev.forumkit.core.event;

import java.util.List;

/**
 * A consumer's handler made for one batch: it reads what the batch's events need once (the alerts of all of them,
 * their recipients' settings) and answers the handler that then gets the events one by one, as an
 * {@link EventHandler} would. The runner may stop before the last event (a budget, a failure): the rest comes in a
 * later batch. See {@link EventConsumer#withOutsideEffectsPerBatch} and {@link EventConsumer#inStoragePerBatch}.
 */
@FunctionalInterface
public interface BatchHandler {
    EventHandler forBatch(List<EventDelivery> batch);
}
