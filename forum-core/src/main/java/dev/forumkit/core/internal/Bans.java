package dev.forumkit.core.internal;

import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.member.Ban;
import dev.forumkit.core.member.Member;

import java.time.Instant;
import java.util.List;

/**
 * Writing a ban, shared by a moderator's ban and the automatic one of warning thresholds: the member, their
 * sessions, the event and the audit entry change in the caller's transaction. The caller has checked the policy.
 */
public final class Bans {
    private Bans() {
    }

    public static Member apply(ServiceContext ctx, Member by, Member target, String reason, Instant until,
                               List<ForumEvent> events) {
        Instant now = ctx.now();
        Member updated = target.withBan(new Ban(reason, now, until, by.id()));
        ctx.storage.members().update(updated);
        ctx.storage.sessions().removeAllOf(target.id());
        events.add(new ForumEvent.MemberBanned(target.id(), by.id(), until, now));
        ctx.audit.record(by.id(), AuditAction.MEMBER_BAN, AuditTarget.member(target.id()), describe(target, now),
                until == null ? "banned for good" : "banned until " + until, reason);
        return updated;
    }

    /** A member's ban state in words, for the audit log's before/after. */
    public static String describe(Member m, Instant now) {
        if (!m.isBannedAt(now)) {
            return "not banned";
        }
        return m.ban().until() == null ? "banned for good" : "banned until " + m.ban().until();
    }
}
