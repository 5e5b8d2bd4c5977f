package dev.forumkit.testkit;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;

import java.util.ArrayList;
import java.util.List;

/** A thread a {@link ThreadBuilder} started: its id, board, starter, first post and replies as created. */
public record StartedThread(ThreadId id, BoardId boardId, Member starter, Post first, List<Post> replies) {
    public StartedThread {
        replies = List.copyOf(replies);
    }

    /** Every post as created, by number. */
    public List<Post> posts() {
        List<Post> all = new ArrayList<>(replies.size() + 1);
        all.add(first);
        all.addAll(replies);
        return all;
    }

    /** The post with number {@code n} as created (1 is the first post). */
    public Post post(int n) {
        return posts().get(n - 1);
    }

    public Post lastPost() {
        return replies.isEmpty() ? first : replies.get(replies.size() - 1);
    }
}
