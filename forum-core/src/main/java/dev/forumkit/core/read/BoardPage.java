package dev.forumkit.core.read;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;

/** Page n of a board: pinned threads first, then by last activity. {@code guestNotice} is set only for guests. */
public record BoardPage(Board board, Category category, Page<ThreadSummary> threads, String guestNotice,
                        boolean canStartThread) {
}
