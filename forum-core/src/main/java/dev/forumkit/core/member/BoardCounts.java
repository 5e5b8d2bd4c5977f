package dev.forumkit.core.member;

import dev.forumkit.core.board.BoardId;

import java.util.Objects;

/**
 * A member's counters on one board: visible posts there and the reaction score they earned. Summed over every board
 * they equal the member's totals; a viewer who may not see a board is shown the totals without that board's part.
 */
public record BoardCounts(MemberId member, BoardId board, int messageCount, long reactionScore) {
    public BoardCounts {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(board, "board");
    }

    /** True when the row says nothing: the same as no row at all. */
    public boolean isZero() {
        return messageCount == 0 && reactionScore == 0;
    }
}
