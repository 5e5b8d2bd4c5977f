package dev.forumkit.core.audit;

/** An audit entry as listed: with the acting member's name (null if the member no longer exists). */
public record AuditLine(AuditEntry entry, String actorName) {
}
