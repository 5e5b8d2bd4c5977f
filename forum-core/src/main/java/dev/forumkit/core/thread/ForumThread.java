package dev.forumkit.core.thread;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.Slugs;
import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.LastPost;

import java.time.Instant;
import java.util.Objects;

/**
 * A thread of posts. {@code postCounter} is the highest post number ever given out (numbers are never reused);
 * {@code replyCount}, {@code viewCount} and {@code lastPost} are counters that {@link Threads#update} never writes.
 */
public record ForumThread(
        ThreadId id,
        BoardId boardId,
        String title,
        MemberId starterId,
        Instant createdAt,
        boolean pinned,
        boolean locked,
        Deletion deletion,
        int postCounter,
        int replyCount,
        long viewCount,
        LastPost lastPost) {

    public ForumThread {
        Objects.requireNonNull(boardId, "boardId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(starterId, "starterId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static ForumThread withoutId(BoardId boardId, String title, MemberId starterId, Instant createdAt) {
        return new ForumThread(null, boardId, title, starterId, createdAt, false, false, null, 0, 0, 0, null);
    }

    public ForumThread withId(ThreadId newId) {
        return new ForumThread(newId, boardId, title, starterId, createdAt, pinned, locked, deletion, postCounter, replyCount, viewCount, lastPost);
    }

    public ForumThread withTitle(String newTitle) {
        return new ForumThread(id, boardId, newTitle, starterId, createdAt, pinned, locked, deletion, postCounter, replyCount, viewCount, lastPost);
    }

    public ForumThread withBoard(BoardId newBoard) {
        return new ForumThread(id, newBoard, title, starterId, createdAt, pinned, locked, deletion, postCounter, replyCount, viewCount, lastPost);
    }

    public ForumThread withPinned(boolean value) {
        return new ForumThread(id, boardId, title, starterId, createdAt, value, locked, deletion, postCounter, replyCount, viewCount, lastPost);
    }

    public ForumThread withLocked(boolean value) {
        return new ForumThread(id, boardId, title, starterId, createdAt, pinned, value, deletion, postCounter, replyCount, viewCount, lastPost);
    }

    public ForumThread withDeletion(Deletion value) {
        return new ForumThread(id, boardId, title, starterId, createdAt, pinned, locked, value, postCounter, replyCount, viewCount, lastPost);
    }

    public ForumThread withCounters(int replies, LastPost last) {
        return new ForumThread(id, boardId, title, starterId, createdAt, pinned, locked, deletion, postCounter, replies, viewCount, last);
    }

    public boolean isDeleted() {
        return deletion != null;
    }

    public String slug() {
        return Slugs.of(title);
    }

    /** Last activity time, for ordering; a thread always has at least its first post once started. */
    public Instant lastActivityAt() {
        return lastPost == null ? createdAt : lastPost.at();
    }
}
