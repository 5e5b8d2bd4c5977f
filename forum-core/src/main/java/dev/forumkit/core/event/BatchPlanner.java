package dev.forumkit.core.event;

import java.util.List;

/**
 * What an in-storage consumer does with a whole batch when its writes can be large (a reply's alerts for 10,000
 * watchers): it reads what it needs in a read-only transaction, which holds no write lock, and answers its writes as
 * steps. Each step runs in a transaction of its own and the last one together with recording the position, so
 * requests get the database between steps. A crash between steps plans the batch again: every step must add nothing
 * when it is run a second time (a unique key, an upsert).
 */
@FunctionalInterface
public interface BatchPlanner {
    /** Reads only; answers the writes of the batch in order (none when the batch needs no write). */
    BatchPlan plan(List<EventDelivery> batch);
}
