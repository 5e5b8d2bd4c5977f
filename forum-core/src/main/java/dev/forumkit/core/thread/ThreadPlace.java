package dev.forumkit.core.thread;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;

import java.util.Objects;

/**
 * A thread with its board and the board's category, as {@link Threads#byIdWithPlace} reads them together: what a
 * thread page's header needs, in one read instead of three.
 */
public record ThreadPlace(ForumThread thread, Board board, Category category) {
    public ThreadPlace {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(category, "category");
        if (!thread.boardId().equals(board.id()) || !board.categoryId().equals(category.id())) {
            throw new IllegalArgumentException("thread " + thread.id() + " is not in board " + board.id()
                    + " of category " + category.id());
        }
    }
}
