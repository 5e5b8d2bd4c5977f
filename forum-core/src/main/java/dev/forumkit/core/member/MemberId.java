package dev.forumkit.core.member;

/** Typed id of a member; positive, assigned by the storage. */
public record MemberId(long value) {
    public MemberId {
        if (value <= 0) {
            throw new IllegalArgumentException("member id must be positive: " + value);
        }
    }

    public static MemberId of(long value) {
        return new MemberId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
