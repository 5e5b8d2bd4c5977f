package dev.forumkit.core.post;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Storage port for posts. A (thread, number) pair is unique; adding a clash is a ConflictException. */
public interface Posts {
    Post add(Post post);

    Optional<Post> byId(PostId id);

    /** The posts of those ids that exist, deleted ones too, in one read (a search page's hits); absent ids are left out. */
    Map<PostId, Post> byIds(Collection<PostId> ids);

    /** Writes body, its rendering (html and render version), edit info and deletion. */
    void update(Post post);

    /** Posts of a thread with {@code from <= number <= to}, by number; a page costs one indexed range scan. */
    List<Post> byNumberRange(ThreadId thread, int from, int to, boolean includeDeleted);

    /** The member's newest posts that are visible (neither the post nor its thread deleted), newest first. */
    List<Post> recentVisibleByAuthor(MemberId author, int limit);

    /**
     * A page of the member's visible posts, newest first (ties by id), leaving out threads on the {@code excluded}
     * boards; with {@code threadStartsOnly} only the first posts of threads (the threads they started).
     */
    List<Post> visibleByAuthor(MemberId author, java.util.Set<dev.forumkit.core.board.BoardId> excluded,
                               boolean threadStartsOnly, int offset, int limit);

    /** As {@link #recentVisibleByAuthor(MemberId, int)}, leaving out posts in threads on the given boards. */
    List<Post> recentVisibleByAuthor(MemberId author, java.util.Set<dev.forumkit.core.board.BoardId> excluded, int limit);

    /** The not-deleted post of the thread with the highest number. */
    Optional<Post> lastVisibleInThread(ThreadId thread);

    /** Number of not-deleted posts in a thread, by author. */
    Map<MemberId, Integer> visibleCountsByAuthor(ThreadId thread);

    /**
     * Up to {@code limit} posts, deleted ones too, whose stored rendering is not of renderer {@code version} (or that
     * have none), with an id above {@code after} (null: from the first), in id order: one batch of a rerender.
     */
    List<Post> renderedOtherThan(String version, PostId after, int limit);

    /** How many posts have no rendering of renderer {@code version}. */
    long countRenderedOtherThan(String version);

    /**
     * Stores a new rendering of a post, only while its body is still {@code body}: an edit that came in between has
     * rendered the new body itself and must not be overwritten with the old one. True when written.
     */
    boolean setRendering(PostId id, String body, String html, String version);

    /**
     * Up to {@code limit} posts, deleted ones too, with an id above {@code after} (null: from the first), in id order:
     * one batch of a search index rebuilt in place.
     */
    List<Post> afterId(PostId after, int limit);

    /** Every post in id order (recount). */
    void forEach(Consumer<Post> action);

    /**
     * How many of the author's posts are visible (post and thread not deleted) outside the {@code excluded} boards: a
     * member's message count as a viewer who may not see those boards is allowed to know it.
     */
    long countVisibleByAuthor(MemberId author, java.util.Set<dev.forumkit.core.board.BoardId> excluded);
}
