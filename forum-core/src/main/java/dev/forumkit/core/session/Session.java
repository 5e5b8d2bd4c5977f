package dev.forumkit.core.session;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in session as stored: only the SHA-256 hash of the token (hex), never the token itself, so a leaked
 * table cannot be replayed.
 */
public record Session(String tokenHash, MemberId memberId, Instant createdAt, Instant expiresAt) {
    public Session {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
