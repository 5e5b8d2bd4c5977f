package dev.forumkit.core.feed;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.thread.ForumThread;

import java.util.Objects;

/** A thread as a feed entry: its board, the starter's name and its opening post (null if that post is not visible). */
public record FeedThread(ForumThread thread, Board board, String starterName, FeedPost opening) {
    public FeedThread {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(starterName, "starterName");
    }
}
