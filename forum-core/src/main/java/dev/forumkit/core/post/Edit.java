package dev.forumkit.core.post;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/** The latest edit of a post: when, by whom, and how many edits so far. */
public record Edit(Instant at, MemberId editorId, int count) {
    public Edit {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(editorId, "editorId");
    }
}
