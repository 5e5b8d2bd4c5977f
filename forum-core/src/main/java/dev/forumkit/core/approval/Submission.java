package dev.forumkit.core.approval;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A post about to be written, as {@link SpamChecks} see it: its author (with their message count), where it goes
 * ({@code thread} null and {@code title} set for a new thread), the text, the number of links in it, and the author's
 * recent posts and held posts (newest first) for checks that look at a member's pace.
 */
public record Submission(Member author, BoardId board, ThreadId thread, String title, String body, int links, Instant at,
                         List<Post> recentPosts, List<HeldPost> recentHeld) {
    public Submission {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
        recentPosts = List.copyOf(recentPosts);
        recentHeld = List.copyOf(recentHeld);
    }
}
