package dev.forumkit.core.blob;

import java.time.Instant;
import java.util.Objects;

/** A stored blob: its key, its size in bytes and when it was stored (cleanup removes old blobs nobody refers to). */
public record BlobInfo(BlobKey key, long size, Instant storedAt) {
    public BlobInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(storedAt, "storedAt");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
