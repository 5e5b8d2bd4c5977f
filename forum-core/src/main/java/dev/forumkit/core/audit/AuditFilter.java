package dev.forumkit.core.audit;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;

/**
 * Which audit entries to list; every field is optional (null matches all). {@code from} is inclusive,
 * {@code to} exclusive; {@code targetId} needs {@code targetKind}.
 */
public record AuditFilter(MemberId actor, AuditAction action, AuditTarget.Kind targetKind, Long targetId, Instant from,
                          Instant to) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

    public AuditFilter {
        if (targetId != null && targetKind == null) {
            throw new IllegalArgumentException("a target id needs a target kind");
        }
    }

    public boolean matches(AuditEntry e) {
        return (actor == null || actor.equals(e.actor()))
                && (action == null || action == e.action())
                && (targetKind == null || targetKind == e.target().kind())
                && (targetId == null || targetId == e.target().id())
                && (from == null || !e.at().isBefore(from))
                && (to == null || e.at().isBefore(to));
    }
}
