package dev.forumkit.core.reset;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/**
 * One reset link as stored: the SHA-256 hash of its token (never the token), the member, the outbox position of the
 * request it answers, when it was made and expires, and when it was used ({@code null} while unused).
 */
public record PasswordReset(String tokenHash, MemberId member, long requestPosition, Instant createdAt,
                            Instant expiresAt, Instant usedAt) {
    public PasswordReset {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (requestPosition < 1) {
            throw new IllegalArgumentException("a reset answers an outbox event, positions start at 1: " + requestPosition);
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a reset must expire after it was made");
        }
    }

    /** A new, unused reset. */
    public static PasswordReset issued(String tokenHash, MemberId member, long requestPosition, Instant now, Instant expiresAt) {
        return new PasswordReset(tokenHash, member, requestPosition, now, expiresAt, null);
    }

    /** Unused and not yet expired at {@code now}. */
    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
