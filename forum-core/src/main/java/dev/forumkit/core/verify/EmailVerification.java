package dev.forumkit.core.verify;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/**
 * One verification link as stored: the SHA-256 hash of its token (never the token), the member, the address it
 * proves, what opening it does, the outbox position of the request it answers, when it was made and expires, and
 * when it was used or superseded ({@code null} while open).
 */
public record EmailVerification(String tokenHash, MemberId member, String email, Purpose purpose, long requestPosition,
                                Instant createdAt, Instant expiresAt, Instant usedAt) {
    /** What opening the link does. */
    public enum Purpose {
        /** Marks the member's current address verified (it must still be their address). */
        CONFIRM_ADDRESS,
        /** Makes {@code email} the member's address, verified. */
        CHANGE_ADDRESS
    }

    public EmailVerification {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (requestPosition < 1) {
            throw new IllegalArgumentException("a link answers an outbox event, positions start at 1: " + requestPosition);
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a link must expire after it was made");
        }
    }

    /** A new, open link. */
    public static EmailVerification issued(String tokenHash, MemberId member, String email, Purpose purpose,
                                           long requestPosition, Instant now, Instant expiresAt) {
        return new EmailVerification(tokenHash, member, email, purpose, requestPosition, now, expiresAt, null);
    }

    /** Neither used nor superseded, and not yet expired at {@code now}. */
    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** The same link, used (or superseded) at {@code when}. */
    public EmailVerification usedAt(Instant when) {
        return new EmailVerification(tokenHash, member, email, purpose, requestPosition, createdAt, expiresAt, when);
    }
}
