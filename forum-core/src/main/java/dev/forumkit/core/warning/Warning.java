package dev.forumkit.core.warning;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.time.Instant;
import java.util.Objects;

/**
 * A warning: {@code member} was warned by {@code issuedBy} for {@code post} (in {@code thread}) with
 * {@code points} and a {@code reason} the member sees. It counts until {@code expiresAt} (null: it never expires), or
 * until a moderator revoked it ({@code revokedBy}, {@code revokedAt}; both null while it stands).
 */
public record Warning(WarningId id, MemberId member, PostId post, ThreadId thread, MemberId issuedBy, int points,
                      String reason, Instant issuedAt, Instant expiresAt, MemberId revokedBy, Instant revokedAt) {
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
        if ((revokedBy == null) != (revokedAt == null)) {
            throw new IllegalArgumentException("a revocation has both who and when");
        }
    }

    /** A warning that stands (not revoked). */
    public Warning(WarningId id, MemberId member, PostId post, ThreadId thread, MemberId issuedBy, int points,
                   String reason, Instant issuedAt, Instant expiresAt) {
        this(id, member, post, thread, issuedBy, points, reason, issuedAt, expiresAt, null, null);
    }

    public Warning withId(WarningId newId) {
        return new Warning(newId, member, post, thread, issuedBy, points, reason, issuedAt, expiresAt, revokedBy, revokedAt);
    }

    public Warning revoked(MemberId by, Instant at) {
        return new Warning(id, member, post, thread, issuedBy, points, reason, issuedAt, expiresAt, by, at);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** True while the warning's points count: not expired and not revoked. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
