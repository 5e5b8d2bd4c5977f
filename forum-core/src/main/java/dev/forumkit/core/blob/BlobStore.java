package dev.forumkit.core.blob;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The port for uploaded bytes (attachments, thumbnails, avatars). A blob is written once under a new random key,
 * read many times, and deleted; it is never changed. Every adapter passes forum-testkit's {@code BlobStoreContract}.
 *
 * <p>Adapters: {@link FileSystemBlobStore} (under the data directory; the default of the standalone app) and
 * {@code InMemoryBlobStore} (tests). A host with several app nodes needs a store they all share: a filesystem
 * store on a shared mount (NFS, EFS), or an adapter for an S3-compatible object store, written against this
 * interface (put: {@code PutObject} with the key as object name after counting the bytes against the cap; get:
 * {@code HeadObject} and ranged {@code GetObject}; list: {@code ListObjectsV2} with {@code StartAfter}).
 *
 * <p>I/O failures surface as {@link java.io.UncheckedIOException}.
 */
public interface BlobStore {
    /**
     * Reads the stream to its end and stores its bytes under a new key, durably before it returns. Reads at most
     * {@code maxBytes + 1} bytes: more than {@code maxBytes} throws {@link BlobTooLargeException} and stores nothing.
     * The caller closes the stream.
     */
    BlobKey put(InputStream content, long maxBytes);

    /** The blob's size and time, or empty if there is none under the key. */
    Optional<BlobInfo> info(BlobKey key);

    /**
     * The blob's bytes from {@code offset} (0 for all; a range request's start) to its end; the caller closes it.
     * Empty if there is no blob under the key.
     */
    Optional<InputStream> open(BlobKey key, long offset);

    /** Deletes the blob; answers false if there was none. Deleting twice is harmless. */
    boolean delete(BlobKey key);

    /** Up to {@code limit} blobs with keys after {@code after} (null: from the first), in key order: for cleanup. */
    List<BlobInfo> list(BlobKey after, int limit);
}
