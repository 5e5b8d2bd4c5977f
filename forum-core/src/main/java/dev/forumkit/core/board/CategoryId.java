package dev.forumkit.core.board;

/** Typed id of a category; positive, assigned by the storage. */
public record CategoryId(long value) {
    public CategoryId {
        if (value <= 0) {
            throw new IllegalArgumentException("category id must be positive: " + value);
        }
    }

    public static CategoryId of(long value) {
        return new CategoryId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
