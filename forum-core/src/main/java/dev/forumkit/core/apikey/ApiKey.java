package dev.forumkit.core.apikey;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An API key as stored: only the SHA-256 of its secret (hex), never the secret, which is shown once when the key is
 * made. {@code hint} is the secret's first characters, so an admin can tell keys apart. {@code member} is set for
 * member keys only. {@code expiresAt}, {@code lastUsedAt} and {@code revokedAt} may be null. {@code id} is null until
 * stored.
 */
public record ApiKey(ApiKeyId id, String name, ApiKeyKind kind, Set<Scope> scopes, MemberId member, String secretHash,
                     String hint, MemberId createdBy, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                     Instant revokedAt) {
    public static final int MAX_NAME = 100;

    public ApiKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        scopes = Set.copyOf(scopes);
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("an API key's name must be 1-" + MAX_NAME + " characters");
        }
        if ((kind == ApiKeyKind.MEMBER) != (member != null)) {
            throw new IllegalArgumentException("a member key names its member, other keys none");
        }
    }

    public ApiKey withId(ApiKeyId newId) {
        return new ApiKey(newId, name, kind, scopes, member, secretHash, hint, createdBy, createdAt, expiresAt,
                lastUsedAt, revokedAt);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }
}
