package dev.forumkit.core.watch;

import dev.forumkit.core.board.Board;

/** A line of a member's watched boards; {@code board} is null if the board no longer exists. */
public record WatchedBoard(BoardWatch watch, Board board) {
}
