package dev.forumkit.core.attachment;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.blob.BlobKey;
import dev.forumkit.core.blob.BlobStore;

import java.io.InputStream;
import java.util.Objects;

/**
 * An attachment a viewer may open: the file or its thumbnail ({@code key}, {@code size} bytes), with what serving it
 * needs (type, name, whether it may be shown inline). Open it with {@link #open(long)}.
 */
public final class Download {
    private final Attachment attachment;
    private final boolean thumbnail;
    private final long size;
    private final BlobStore blobs;

    Download(Attachment attachment, boolean thumbnail, long size, BlobStore blobs) {
        this.attachment = Objects.requireNonNull(attachment);
        this.thumbnail = thumbnail;
        this.size = size;
        this.blobs = blobs;
    }

    public Attachment attachment() {
        return attachment;
    }

    /** True for the thumbnail of an image. */
    public boolean thumbnail() {
        return thumbnail;
    }

    public BlobKey key() {
        return thumbnail ? attachment.thumbnail() : attachment.blob();
    }

    /** Bytes of what is served (the file or the thumbnail). */
    public long size() {
        return size;
    }

    /** The bytes from {@code offset} on; the caller closes the stream. */
    public InputStream open(long offset) {
        return blobs.open(key(), offset).orElseThrow(() -> new NotFoundException("no attachment " + attachment.id()));
    }
}
