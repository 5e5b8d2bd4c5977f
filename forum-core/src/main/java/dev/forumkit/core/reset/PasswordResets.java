package dev.forumkit.core.reset;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Optional;

/** Storage port for reset links, keyed by token hash. */
public interface PasswordResets {
    /** Stores a new reset; a clashing hash is a ConflictException. */
    void add(PasswordReset reset);

    Optional<PasswordReset> byTokenHash(String tokenHash);

    /**
     * Marks the reset used if it is unused and not expired at {@code now}, atomically: of two concurrent uses of one
     * token exactly one gets {@code true}.
     */
    boolean use(String tokenHash, Instant now);

    /** Marks every unused reset of the member used (a password was set; older links must die); returns how many. */
    int useAllOf(MemberId member, Instant now);

    /** Deletes resets that expired before {@code now}; returns how many. */
    int removeExpired(Instant now);
}
