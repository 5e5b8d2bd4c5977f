package dev.forumkit.core.verify;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Optional;

/** Storage port for e-mail verification links, keyed by token hash. */
public interface EmailVerifications {
    /** Stores a new link; a clashing hash is a ConflictException. */
    void add(EmailVerification link);

    Optional<EmailVerification> byTokenHash(String tokenHash);

    /**
     * Marks the link used if it is open and not expired at {@code now}, atomically: of two concurrent uses of one
     * token exactly one gets {@code true}.
     */
    boolean use(String tokenHash, Instant now);

    /**
     * Closes the member's open links of this purpose made for requests before {@code beforePosition} (a newer request
     * supersedes them; a redelivery of the same request does not); returns how many.
     */
    int supersede(MemberId member, EmailVerification.Purpose purpose, long beforePosition, Instant now);

    /** Closes every open link of the member (their address changed); returns how many. */
    int useAllOf(MemberId member, Instant now);

    /** Deletes links that expired before {@code now}; returns how many. */
    int removeExpired(Instant now);
}
