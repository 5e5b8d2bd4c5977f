package dev.forumkit.core.board;

/** Typed id of a board; positive, assigned by the storage. */
public record BoardId(long value) {
    public BoardId {
        if (value <= 0) {
            throw new IllegalArgumentException("board id must be positive: " + value);
        }
    }

    public static BoardId of(long value) {
        return new BoardId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
