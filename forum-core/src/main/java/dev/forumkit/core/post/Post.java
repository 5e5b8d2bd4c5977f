package dev.forumkit.core.post;

import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/**
 * A post in a thread. Its {@code number} (1, 2, 3 ...) is given once when it is created and never changes,
 * so {@code #N} links stay valid; soft-deleting keeps the number taken. {@code body} is what the author wrote;
 * {@code html} is its sanitised rendering, made when the post is written or edited and stored beside it with the
 * {@code renderVersion} of the renderer (both null for a post stored without rendering).
 */
public record Post(
        PostId id,
        ThreadId threadId,
        int number,
        MemberId authorId,
        String body,
        Instant createdAt,
        Edit lastEdit,
        Deletion deletion,
        String html,
        String renderVersion) {

    public Post {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        if (number < 1) {
            throw new IllegalArgumentException("post numbers start at 1: " + number);
        }
    }

    /** A post without a stored rendering. */
    public Post(PostId id, ThreadId threadId, int number, MemberId authorId, String body, Instant createdAt,
                Edit lastEdit, Deletion deletion) {
        this(id, threadId, number, authorId, body, createdAt, lastEdit, deletion, null, null);
    }

    public static Post withoutId(ThreadId threadId, int number, MemberId authorId, String body, Instant createdAt) {
        return new Post(null, threadId, number, authorId, body, createdAt, null, null);
    }

    public Post withId(PostId newId) {
        return new Post(newId, threadId, number, authorId, body, createdAt, lastEdit, deletion, html, renderVersion);
    }

    public Post edited(String newBody, MemberId editor, Instant at) {
        return new Post(id, threadId, number, authorId, newBody, createdAt,
                new Edit(at, editor, lastEdit == null ? 1 : lastEdit.count() + 1), deletion, null, null);
    }

    public Post withDeletion(Deletion value) {
        return new Post(id, threadId, number, authorId, body, createdAt, lastEdit, value, html, renderVersion);
    }

    /** The same post with its body's rendering attached. */
    public Post withRendering(String renderedHtml, String version) {
        return new Post(id, threadId, number, authorId, body, createdAt, lastEdit, deletion, renderedHtml, version);
    }

    public boolean isDeleted() {
        return deletion != null;
    }

    public boolean isFirst() {
        return number == 1;
    }
}
