package dev.forumkit.core.warning;

/** Typed id of a warning; positive, assigned by the storage. */
public record WarningId(long value) {
    public WarningId {
        if (value <= 0) {
            throw new IllegalArgumentException("warning id must be positive: " + value);
        }
    }

    public static WarningId of(long value) {
        return new WarningId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
