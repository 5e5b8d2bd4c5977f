package dev.forumkit.core.report;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/** A line of a report: a reporter's reason, or a moderator's comment (also the one given when closing it). */
public record ReportNote(Kind kind, MemberId author, String text, Instant at) {
    public enum Kind { REASON, COMMENT }

    public static final int MAX_TEXT = 2000;

    public ReportNote {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        if (text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a report note has 1-" + MAX_TEXT + " characters");
        }
    }
}
