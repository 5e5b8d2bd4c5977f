package dev.forumkit.core.approval;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A reply ({@code thread} set) or a new thread ({@code thread} null, {@code title} set) held for approval. It is not a
 * post: it has no post number and counts nowhere, so approving it makes the post with the thread's next number and
 * the numbers everyone sees never skip one. {@code reasons} say why it was held (shown in the queue);
 * {@code decidedBy}, {@code decidedAt} and {@code post} (the post approval made) or {@code rejection} (the reason the
 * author sees) are set once decided.
 */
public record HeldPost(HeldPostId id, BoardId board, ThreadId thread, String title, MemberId author, String body,
                       Instant heldAt, List<String> reasons, HeldStatus status, MemberId decidedBy, Instant decidedAt,
                       String rejection, PostId post) {

    public HeldPost {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(heldAt, "heldAt");
        Objects.requireNonNull(status, "status");
        // one line each: a reason is shown in a list, and storage keeps them one per line
        reasons = reasons.stream().map(r -> r.replaceAll("[\\r\\n]+", " ").strip()).filter(r -> !r.isEmpty()).toList();
        if ((thread == null) == (title == null)) {
            throw new IllegalArgumentException("a held reply has a thread, a held thread a title: never both or neither");
        }
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("content is held for a reason");
        }
        if ((status == HeldStatus.PENDING) != (decidedBy == null)) {
            throw new IllegalArgumentException("a decision has a moderator, a pending post none");
        }
        if ((status == HeldStatus.APPROVED) != (post != null)) {
            throw new IllegalArgumentException("an approved held post points to its post, others to none");
        }
    }

    /** A reply to hold, before the storage gave it an id. */
    public static HeldPost reply(BoardId board, ThreadId thread, MemberId author, String body, Instant at, List<String> reasons) {
        return new HeldPost(null, board, thread, null, author, body, at, reasons, HeldStatus.PENDING, null, null, null, null);
    }

    /** A new thread to hold (title and first post), before the storage gave it an id. */
    public static HeldPost thread(BoardId board, String title, MemberId author, String body, Instant at, List<String> reasons) {
        return new HeldPost(null, board, null, title, author, body, at, reasons, HeldStatus.PENDING, null, null, null, null);
    }

    public HeldPost withId(HeldPostId newId) {
        return new HeldPost(newId, board, thread, title, author, body, heldAt, reasons, status, decidedBy, decidedAt, rejection, post);
    }

    public HeldPost approved(MemberId by, Instant at, PostId made) {
        return new HeldPost(id, board, thread, title, author, body, heldAt, reasons, HeldStatus.APPROVED, by, at, null, made);
    }

    public HeldPost rejected(MemberId by, Instant at, String reason) {
        return new HeldPost(id, board, thread, title, author, body, heldAt, reasons, HeldStatus.REJECTED, by, at, reason, null);
    }

    public boolean isNewThread() {
        return thread == null;
    }

    public boolean isPending() {
        return status == HeldStatus.PENDING;
    }
}
