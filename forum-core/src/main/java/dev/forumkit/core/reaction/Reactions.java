package dev.forumkit.core.reaction;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Storage port for reactions: at most one per (post, member). */
public interface Reactions {
    Optional<Reaction> find(PostId post, MemberId member);

    /** Inserts or replaces the member's reaction to the post. */
    void put(Reaction reaction);

    /** Removes the member's reaction; true if there was one. */
    boolean remove(PostId post, MemberId member);

    /** Reaction counts by type for each post; posts without reactions are absent. */
    Map<PostId, Map<String, Integer>> countsByPost(Collection<PostId> posts);

    /** The given member's reaction type on each of the posts; posts without one are absent. */
    Map<PostId, String> typesBy(MemberId member, Collection<PostId> posts);

    /** Counts by type of the reactions on a thread's not-deleted posts, grouped by the posts' authors. */
    Map<MemberId, Map<String, Integer>> countsByReceiverInThread(ThreadId thread);

    /** Every reaction (recount). */
    void forEach(Consumer<Reaction> action);

    /**
     * Counts by type of the reactions received on the author's visible posts (post and thread not deleted) outside
     * the {@code excluded} boards: "reactions received" as a viewer who may not see those boards is allowed to know it.
     */
    Map<String, Integer> receivedBy(MemberId author, java.util.Set<dev.forumkit.core.board.BoardId> excluded);
}
