package dev.forumkit.core.apikey;

/** Typed id of an API key; positive, assigned by the storage. */
public record ApiKeyId(long value) {
    public ApiKeyId {
        if (value <= 0) {
            throw new IllegalArgumentException("API key id must be positive: " + value);
        }
    }

    public static ApiKeyId of(long value) {
        return new ApiKeyId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
