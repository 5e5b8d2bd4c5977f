package dev.forumkit.core.post;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.thread.Deletion;
import dev.forumkit.core.thread.ThreadId;

import java.time.Instant;
import java.util.Objects;

/**
 * A post in a thread. Its {@code number} (1, 2, 3 ...) is given once when it is created and never changes,
 * so {@code #N} links stay valid; soft-deleting keeps the number taken.
 */
public record Post(
        PostId id,
        ThreadId threadId,
        int number,
        MemberId authorId,
        String body,
        Instant createdAt,
        Edit lastEdit,
        Deletion deletion) {

    public Post {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        if (number < 1) {
            throw new IllegalArgumentException("post numbers start at 1: " + number);
        }
    }

    public static Post withoutId(ThreadId threadId, int number, MemberId authorId, String body, Instant createdAt) {
        return new Post(null, threadId, number, authorId, body, createdAt, null, null);
    }

    public Post withId(PostId newId) {
        return new Post(newId, threadId, number, authorId, body, createdAt, lastEdit, deletion);
    }

    public Post edited(String newBody, MemberId editor, Instant at) {
        return new Post(id, threadId, number, authorId, newBody, createdAt,
                new Edit(at, editor, lastEdit == null ? 1 : lastEdit.count() + 1), deletion);
    }

    public Post withDeletion(Deletion value) {
        return new Post(id, threadId, number, authorId, body, createdAt, lastEdit, value);
    }

    public boolean isDeleted() {
        return deletion != null;
    }

    public boolean isFirst() {
        return number == 1;
    }
}
