package dev.forumkit.core.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** How far each consumer has got: the head position, and per consumer its position, lag and last failure. */
public record OutboxStatus(long head, List<ConsumerStatus> consumers) {
    public OutboxStatus {
        consumers = List.copyOf(consumers);
    }

    /** The consumer called {@code name}; the in-process listeners of this node are {@link Outbox#LISTENERS}. */
    public ConsumerStatus consumer(String name) {
        return consumers.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no consumer " + name));
    }

    /**
     * One consumer. {@code oldestUndelivered}: the age of the first event it has not handled, null when it has caught
     * up. {@code failures}, {@code lastError} and {@code retryAt} are what this node saw (zero and null for a consumer
     * run by another node); {@code leaseOwner} and {@code leaseUntil} are null for the in-process listeners.
     */
    public record ConsumerStatus(String name, boolean durable, long position, long lag, Duration oldestUndelivered,
                                 String leaseOwner, Instant leaseUntil, int failures, String lastError, Instant retryAt) {
        public ConsumerStatus {
            Objects.requireNonNull(name, "name");
        }
    }
}
