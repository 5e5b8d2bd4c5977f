package dev.forumkit.app;

import dev.forumkit.core.event.ConsumerState;
import dev.forumkit.core.storage.ForumStorage;

import java.util.List;

/**
 * On the embedded H2 database only one process can have the file open, so an outbox lease found in it at start-up
 * belongs to a run that died (kill -9, power loss) without giving it back. Left alone, the new run would wait for
 * it to run out (30 s) before alerts and e-mails go on; released here, they go on at once. Never used with
 * {@code jdbc.url}: there another node may be alive and holding its lease.
 */
final class DeadRunLeases {
    private DeadRunLeases() {
    }

    /** Releases every held lease; answers the consumers whose lease was released. Call before {@code Forum.create}. */
    static List<String> release(ForumStorage storage) {
        return storage.transactions().inTransaction(() -> {
            List<ConsumerState> held = storage.eventLog().consumers().stream().filter(c -> c.leaseOwner() != null).toList();
            held.forEach(c -> storage.eventLog().release(c.name(), c.leaseOwner()));
            return held.stream().map(ConsumerState::name).toList();
        });
    }
}
