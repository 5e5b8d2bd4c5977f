package dev.forumkit.web.internal.html;

import dev.forumkit.core.event.OutboxStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * One consumer of the outbox as the admin page shows it. Public because the compiled templates live in another
 * package; {@code behind} is the age of the oldest event not yet handled, empty when caught up.
 */
public record OutboxRow(String name, boolean durable, long position, long lag, String behind, String leaseOwner,
                        Instant leaseUntil, int failures, String lastError, Instant retryAt) {
    static OutboxRow from(OutboxStatus.ConsumerStatus c) {
        return new OutboxRow(c.name(), c.durable(), c.position(), c.lag(), age(c.oldestUndelivered()), c.leaseOwner(),
                c.leaseUntil(), c.failures(), c.lastError(), c.retryAt());
    }

    /** "0.4 s", "12 s", "3 min", "5 h": lag is read at a glance, not to the millisecond. */
    static String age(Duration d) {
        if (d == null) {
            return "";
        }
        long ms = Math.max(0, d.toMillis());
        if (ms < 10_000) {
            return (ms / 100) / 10.0 + " s";
        }
        if (ms < 120_000) {
            return ms / 1000 + " s";
        }
        if (ms < 2 * 3_600_000) {
            return ms / 60_000 + " min";
        }
        return ms / 3_600_000 + " h";
    }
}
