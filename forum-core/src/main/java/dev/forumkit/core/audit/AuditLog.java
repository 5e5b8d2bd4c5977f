package dev.forumkit.core.audit;

import java.util.List;

/**
 * Storage port for the audit log. Append-only on purpose: there is no update and no delete, so no route or
 * service can rewrite what staff did. Lists are newest first (time, then id).
 */
public interface AuditLog {
    /** Stores the entry in the caller's transaction; returns it with its id. */
    AuditEntry append(AuditEntry entry);

    List<AuditEntry> page(AuditFilter filter, int offset, int limit);

    long count(AuditFilter filter);
}
