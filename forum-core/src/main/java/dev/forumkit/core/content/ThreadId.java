package dev.forumkit.core.content;

/** Typed id of a thread; positive, assigned by the storage. */
public record ThreadId(long value) {
    public ThreadId {
        if (value <= 0) {
            throw new IllegalArgumentException("thread id must be positive: " + value);
        }
    }

    public static ThreadId of(long value) {
        return new ThreadId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
