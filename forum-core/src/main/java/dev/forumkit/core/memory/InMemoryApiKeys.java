package dev.forumkit.core.memory;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.apikey.ApiKey;
import dev.forumkit.core.apikey.ApiKeyId;
import dev.forumkit.core.apikey.ApiKeys;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class InMemoryApiKeys implements ApiKeys {
    private final Tables db;
    private final Tables.TxMap<Long, ApiKey> keys;

    InMemoryApiKeys(Tables db) {
        this.db = db;
        this.keys = db.map();
    }

    @Override
    public ApiKey add(ApiKey key) {
        return db.write(() -> {
            if (keys.values().stream().anyMatch(k -> k.secretHash().equals(key.secretHash()))) {
                throw new ConflictException("API key secret clash");
            }
            ApiKey stored = key.withId(ApiKeyId.of(db.nextId()));
            keys.put(stored.id().value(), stored);
            return stored;
        });
    }

    @Override
    public Optional<ApiKey> byId(ApiKeyId id) {
        return db.read(() -> Optional.ofNullable(keys.get(id.value())));
    }

    @Override
    public Optional<ApiKey> bySecretHash(String secretHash) {
        return db.read(() -> keys.values().stream().filter(k -> k.secretHash().equals(secretHash)).findFirst());
    }

    @Override
    public List<ApiKey> all() {
        return db.read(() -> keys.values().stream()
                .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(k -> k.id().value()).reversed()).toList());
    }

    @Override
    public void touch(ApiKeyId id, Instant at) {
        db.run(() -> {
            ApiKey k = keys.get(id.value());
            if (k != null) {
                keys.put(id.value(), new ApiKey(k.id(), k.name(), k.kind(), k.scopes(), k.member(), k.secretHash(),
                        k.hint(), k.createdBy(), k.createdAt(), k.expiresAt(), at, k.revokedAt()));
            }
        });
    }

    @Override
    public boolean revoke(ApiKeyId id, Instant at) {
        return db.write(() -> {
            ApiKey k = keys.get(id.value());
            if (k == null || k.revoked()) {
                return false;
            }
            keys.put(id.value(), new ApiKey(k.id(), k.name(), k.kind(), k.scopes(), k.member(), k.secretHash(),
                    k.hint(), k.createdBy(), k.createdAt(), k.expiresAt(), k.lastUsedAt(), at));
            return true;
        });
    }
}
