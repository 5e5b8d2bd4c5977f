package dev.forumkit.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A durable consumer as stored: the position of the last event it handled, and who holds its lease until when
 * ({@code leaseOwner} and {@code leaseUntil} are null when nobody does).
 */
public record ConsumerState(String name, long position, String leaseOwner, Instant leaseUntil) {
    public ConsumerState {
        Objects.requireNonNull(name, "name");
        if (position < 0) {
            throw new IllegalArgumentException("consumer position must not be negative: " + position);
        }
    }

    /** Whether someone other than {@code owner} holds the lease at {@code now}. */
    public boolean leasedToOtherThan(String owner, Instant now) {
        return leaseOwner != null && !leaseOwner.equals(owner) && leaseUntil != null && leaseUntil.isAfter(now);
    }
}
