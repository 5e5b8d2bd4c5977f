package dev.forumkit.core.feed;

import dev.forumkit.core.board.Board;

import java.util.List;

/** A board's feed: the board and its threads by last activity, newest first (pins do not count in a feed). */
public record BoardFeed(Board board, List<FeedThread> threads) {
    public BoardFeed {
        threads = List.copyOf(threads);
    }
}
