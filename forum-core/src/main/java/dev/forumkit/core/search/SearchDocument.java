package dev.forumkit.core.search;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.time.Instant;
import java.util.Objects;

/**
 * What the index keeps of one post: ids for filters and results, its plain text (never HTML: snippets are cut from
 * it) and, searchable on the thread's first post only, the thread title.
 */
public record SearchDocument(PostId post, ThreadId thread, BoardId board, MemberId author, Instant createdAt,
                             int number, String threadTitle, String text, boolean postDeleted,
                             boolean threadDeleted) {
    public SearchDocument {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(threadTitle, "threadTitle");
        Objects.requireNonNull(text, "text");
        if (number < 1) {
            throw new IllegalArgumentException("post numbers start at 1: " + number);
        }
    }

    /** The post that started the thread: its entry is the one found by the thread's title. */
    public boolean threadStart() {
        return number == 1;
    }

    /** Neither the post nor its thread is deleted. */
    public boolean visible() {
        return !postDeleted && !threadDeleted;
    }

    public SearchDocument withThread(BoardId newBoard, String newTitle, boolean deleted) {
        return new SearchDocument(post, thread, newBoard, author, createdAt, number, newTitle, text, postDeleted, deleted);
    }
}
