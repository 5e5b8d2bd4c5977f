package dev.forumkit.core;

/** The thing asked for does not exist, or the viewer may not know that it exists. */
public final class NotFoundException extends ForumException {
    public NotFoundException(String message) {
        super("not_found", message);
    }
}
