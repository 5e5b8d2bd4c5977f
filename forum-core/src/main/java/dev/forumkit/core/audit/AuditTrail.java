package dev.forumkit.core.audit;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.storage.ForumStorage;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The one way services record a staff action. Call it inside the command's transaction (a service's
 * {@code ctx.command(...)}), after the change: the entry then commits or rolls back with the action itself.
 *
 * <pre>{@code
 * ctx.audit.record(me.id(), AuditAction.THREAD_LOCK, AuditTarget.thread(id), "unlocked", "locked", null);
 * }</pre>
 */
public final class AuditTrail {
    private final ForumStorage storage;
    private final Supplier<Instant> now;

    public AuditTrail(ForumStorage storage, Supplier<Instant> now) {
        this.storage = storage;
        this.now = now;
    }

    public AuditEntry record(MemberId actor, AuditAction action, AuditTarget target, String before, String after,
                             String reason) {
        return storage.auditLog().append(new AuditEntry(null, now.get(), actor, action, target, before, after, reason));
    }
}
