package dev.forumkit.core;

/** The command clashes with the current state: a taken username, a unique key, a thread that no longer allows it. */
public final class ConflictException extends ForumException {
    public ConflictException(String message) {
        super("conflict", message);
    }

    public ConflictException(String message, Throwable cause) {
        super("conflict", message, cause);
    }
}
