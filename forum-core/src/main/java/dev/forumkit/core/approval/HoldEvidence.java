package dev.forumkit.core.approval;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.post.Post;

import java.util.List;
import java.util.Set;

/**
 * What the hold rules weigh about a post's author and the boards, read before the post is written: the boards set to
 * moderated, the author's newest visible posts and newest held posts (newest first). Read in one storage call
 * ({@code ForumStorage.holdEvidence}), which a database over a network answers in one round trip.
 */
public record HoldEvidence(Set<BoardId> moderatedBoards, List<Post> recentPosts, List<HeldPost> recentHeld) {
    public HoldEvidence {
        moderatedBoards = Set.copyOf(moderatedBoards);
        recentPosts = List.copyOf(recentPosts);
        recentHeld = List.copyOf(recentHeld);
    }
}
