package dev.forumkit.core.memory;

import dev.forumkit.core.blob.BlobInfo;
import dev.forumkit.core.blob.BlobKey;
import dev.forumkit.core.blob.BlobStore;
import dev.forumkit.core.blob.BlobTooLargeException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link BlobStore} in memory, for tests and demos; blobs are gone when the JVM ends. */
public final class InMemoryBlobStore implements BlobStore {
    private record Stored(byte[] bytes, Instant storedAt) {
    }

    private final ConcurrentSkipListMap<BlobKey, Stored> blobs = new ConcurrentSkipListMap<>();
    private final Clock clock;

    public InMemoryBlobStore() {
        this(Clock.systemUTC());
    }

    /** Stamps blobs with {@code clock}'s time (tests pass a fixed one to test cleanup). */
    public InMemoryBlobStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public BlobKey put(InputStream content, long maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while ((n = content.read(buffer)) != -1) {
                if (out.size() + (long) n > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BlobKey key = BlobKey.random();
        blobs.put(key, new Stored(out.toByteArray(), clock.instant()));
        return key;
    }

    @Override
    public Optional<BlobInfo> info(BlobKey key) {
        Stored s = blobs.get(key);
        return s == null ? Optional.empty() : Optional.of(new BlobInfo(key, s.bytes().length, s.storedAt()));
    }

    @Override
    public Optional<InputStream> open(BlobKey key, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        Stored s = blobs.get(key);
        if (s == null) {
            return Optional.empty();
        }
        int from = (int) Math.min(offset, s.bytes().length);
        return Optional.of(new ByteArrayInputStream(s.bytes(), from, s.bytes().length - from));
    }

    @Override
    public boolean delete(BlobKey key) {
        return blobs.remove(key) != null;
    }

    @Override
    public List<BlobInfo> list(BlobKey after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        var tail = after == null ? blobs : blobs.tailMap(after, false);
        return tail.entrySet().stream().limit(limit)
                .map(e -> new BlobInfo(e.getKey(), e.getValue().bytes().length, e.getValue().storedAt())).toList();
    }
}
