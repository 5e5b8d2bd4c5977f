package dev.forumkit.core.search;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.member.AuthorCard;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.thread.ForumThread;

import java.util.List;

/**
 * One found post as the viewer may see it: the post (its id and number make the permalink), its thread and board as
 * the storage holds them now, its author, and the highlighted snippet and title (plain-text {@link Segment}s).
 */
public record SearchResult(Post post, ForumThread thread, Board board, AuthorCard author, List<Segment> snippet,
                           List<Segment> title) {
    public SearchResult {
        snippet = List.copyOf(snippet);
        title = List.copyOf(title);
    }
}
