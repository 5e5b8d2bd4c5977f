package dev.forumkit.core.read;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;

import java.util.List;

/** The forum's front page: categories in order, each with its boards and their last posts. */
public record BoardIndex(List<Section> categories) {
    public BoardIndex {
        categories = List.copyOf(categories);
    }

    public record Section(Category category, List<BoardSummary> boards) {
        public Section {
            boards = List.copyOf(boards);
        }
    }

    /** A board with the title of the thread its last post is in and that post's author (both null if none). */
    public record BoardSummary(Board board, String lastThreadTitle, String lastPosterName) {
    }
}
