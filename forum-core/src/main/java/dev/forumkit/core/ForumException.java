package dev.forumkit.core;

/** The one unchecked root of every failure forumkit reports; adapters map its subclasses to their own errors. */
public class ForumException extends RuntimeException {
    private final String code;

    public ForumException(String code, String message) {
        super(message);
        this.code = code;
    }

    public ForumException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A stable, machine-readable error code such as {@code not_found}. */
    public String code() {
        return code;
    }
}
