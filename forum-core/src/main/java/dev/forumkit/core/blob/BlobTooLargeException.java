package dev.forumkit.core.blob;

/**
 * A {@code put} read more bytes than its cap allowed; nothing was stored. Checked-free so a store can throw it from
 * deep in a stream copy; the attachment service turns it into an invalid-input error naming the limit.
 */
public final class BlobTooLargeException extends RuntimeException {
    private final long maxBytes;

    public BlobTooLargeException(long maxBytes) {
        super("the content is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
