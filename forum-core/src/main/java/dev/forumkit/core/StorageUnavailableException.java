package dev.forumkit.core;

/** The storage could not be reached or answered too slowly; the command may be retried later (HTTP 503). */
public final class StorageUnavailableException extends ForumException {
    public StorageUnavailableException(String message, Throwable cause) {
        super("storage_unavailable", message, cause);
    }
}
