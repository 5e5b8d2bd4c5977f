package dev.forumkit.core.alert;

/** Typed id of an alert; positive, assigned by the storage. */
public record AlertId(long value) {
    public AlertId {
        if (value <= 0) {
            throw new IllegalArgumentException("alert id must be positive: " + value);
        }
    }

    public static AlertId of(long value) {
        return new AlertId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
