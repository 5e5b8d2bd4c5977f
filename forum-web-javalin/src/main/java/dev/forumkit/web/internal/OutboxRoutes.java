package dev.forumkit.web.internal;

import dev.forumkit.core.event.OutboxStatus;
import dev.forumkit.web.Access;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Admin view of the event outbox: how far behind each consumer is, so that a stuck or slow consumer shows. */
public final class OutboxRoutes {
    private OutboxRoutes() {
    }

    /**
     * One consumer. {@code oldestUndeliveredMs} is null when it has caught up; the lease is null for this node's
     * in-process listeners; failures, last error and retry time are what the answering node saw.
     */
    record ConsumerJson(String name, boolean durable, long position, long lag, Long oldestUndeliveredMs,
                        String leaseOwner, Instant leaseUntil, int failures, String lastError, Instant retryAt) {
        static ConsumerJson from(OutboxStatus.ConsumerStatus c) {
            return new ConsumerJson(c.name(), c.durable(), c.position(), c.lag(),
                    c.oldestUndelivered() == null ? null : c.oldestUndelivered().toMillis(),
                    c.leaseOwner(), c.leaseUntil(), c.failures(), c.lastError(), c.retryAt());
        }
    }

    /** {@code maxLag}: the largest lag of a durable consumer, the one number a monitor needs. */
    record OutboxJson(long head, long maxLag, List<ConsumerJson> consumers) {
        static OutboxJson from(OutboxStatus s) {
            long max = s.consumers().stream().filter(OutboxStatus.ConsumerStatus::durable)
                    .mapToLong(OutboxStatus.ConsumerStatus::lag).max().orElse(0);
            return new OutboxJson(s.head(), max, s.consumers().stream().map(ConsumerJson::from).toList());
        }
    }

    public static void register(RouteTable t) {
        t.get("/admin/outbox", Access.ADMIN, OutboxRoutes::status);
    }

    private static Object status(Call call) {
        return Map.of("outbox", OutboxJson.from(call.api().forum().outbox().status()));
    }
}
