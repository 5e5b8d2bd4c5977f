package dev.forumkit.core.audit;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded staff action: {@code actor} did {@code action} to {@code target} at {@code at}, changing
 * {@code before} into {@code after} (short descriptions, null where nothing applies), for {@code reason}.
 * {@code id} is null until stored; ids grow with time, so they order entries that share a timestamp.
 */
public record AuditEntry(Long id, Instant at, MemberId actor, AuditAction action, AuditTarget target, String before,
                         String after, String reason) {
    /** Longer descriptions are cut (a post body can be 100 KB): the log records what changed, not a copy of the forum. */
    public static final int MAX_TEXT = 1000;

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        if (id != null && id <= 0) {
            throw new IllegalArgumentException("audit entry id must be positive: " + id);
        }
        before = clip(before);
        after = clip(after);
        reason = clip(reason);
    }

    public AuditEntry withId(long newId) {
        return new AuditEntry(newId, at, actor, action, target, before, after, reason);
    }

    private static String clip(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() <= MAX_TEXT) {
            return s;
        }
        int end = MAX_TEXT - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return s.substring(0, end) + "…";
    }
}
