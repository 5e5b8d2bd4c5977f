package dev.forumkit.core.warning;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.time.Instant;
import java.util.Objects;

/**
 * A warning: {@code member} was warned by {@code issuedBy} for {@code post} (in {@code thread}) with
 * {@code points} and a {@code reason} the member sees. It counts until {@code expiresAt} (null: it never expires).
 */
public record Warning(WarningId id, MemberId member, PostId post, ThreadId thread, MemberId issuedBy, int points,
                      String reason, Instant issuedAt, Instant expiresAt) {
    public static final int MAX_POINTS = 100;

    public Warning {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (points < 1 || points > MAX_POINTS) {
            throw new IllegalArgumentException("warning points must be 1-" + MAX_POINTS + ": " + points);
        }
        if (expiresAt != null && !expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a warning expires after it was given");
        }
    }

    public Warning withId(WarningId newId) {
        return new Warning(newId, member, post, thread, issuedBy, points, reason, issuedAt, expiresAt);
    }

    /** True while the warning's points count. */
    public boolean activeAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
