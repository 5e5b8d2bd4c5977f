package dev.forumkit.core.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port for API keys. Keys are found by the hash of their secret; revoked keys stay listed. */
public interface ApiKeys {
    /** Stores a new key; returns it with its id. A clashing secret hash is a ConflictException. */
    ApiKey add(ApiKey key);

    Optional<ApiKey> byId(ApiKeyId id);

    Optional<ApiKey> bySecretHash(String secretHash);

    /** Every key, newest first. */
    List<ApiKey> all();

    /** Records when the key was last used. */
    void touch(ApiKeyId id, Instant at);

    /** Revokes the key at {@code at} unless it already is; true if this call revoked it. */
    boolean revoke(ApiKeyId id, Instant at);
}
