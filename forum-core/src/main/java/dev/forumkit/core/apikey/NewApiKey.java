package dev.forumkit.core.apikey;

import java.util.Objects;

/** A key just made, with its secret: the only time the secret is known, as only its hash is stored. */
public record NewApiKey(ApiKey key, String secret) {
    public NewApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }
}
