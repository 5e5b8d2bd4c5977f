package dev.forumkit.core.notify;

import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Objects;

/**
 * What one e-mail's unsubscribe link turns off, stored under the SHA-256 of its token: the e-mail flag of the
 * watched thread ({@link Scope#THREAD}) or board ({@link Scope#BOARD}) that caused the e-mail, or e-mail for the
 * alert kind ({@link Scope#KIND}: the kind goes back to on-site only).
 */
public record Unsubscribe(String tokenHash, MemberId member, Scope scope, AlertKind kind, ThreadId thread, BoardId board,
                          Instant createdAt) {
    /** What the link turns off. */
    public enum Scope { THREAD, BOARD, KIND }

    public Unsubscribe {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        if (scope == Scope.THREAD && thread == null || scope == Scope.BOARD && board == null) {
            throw new IllegalArgumentException("a " + scope + " unsubscribe needs its " + scope.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
