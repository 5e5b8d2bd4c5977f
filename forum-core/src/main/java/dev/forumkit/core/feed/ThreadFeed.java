package dev.forumkit.core.feed;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.thread.ForumThread;

import java.util.List;

/** A thread's feed: the thread, its board and its newest visible posts, newest first. */
public record ThreadFeed(ForumThread thread, Board board, List<FeedPost> posts) {
    public ThreadFeed {
        posts = List.copyOf(posts);
    }
}
