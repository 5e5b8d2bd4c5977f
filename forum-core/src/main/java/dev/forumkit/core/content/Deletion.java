package dev.forumkit.core.content;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/** Who soft-deleted a thread or post, when and why; restoring clears it. */
public record Deletion(MemberId deletedBy, Instant at, String reason) {
    public Deletion {
        Objects.requireNonNull(deletedBy, "deletedBy");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "" : reason;
    }
}
