package dev.forumkit.core.warning;

import dev.forumkit.core.Actor;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.Validation;
import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.Bans;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Warning members for their posts. Points of warnings that have not expired add up; when a warning lifts them to or
 * past a threshold, the member is banned for the highest threshold reached, in the same transaction (unless a
 * longer ban already runs).
 */
public final class WarningService {
    /** Warnings expire within ten years at most; none given means it never expires. */
    public static final Duration LONGEST = Duration.ofDays(3650);
    private final ServiceContext ctx;
    private final List<WarningThreshold> thresholds;

    public WarningService(ServiceContext ctx, List<WarningThreshold> thresholds) {
        this.ctx = ctx;
        this.thresholds = thresholds.stream().sorted(Comparator.comparingInt(WarningThreshold::points)).toList();
    }

    /** The thresholds in force, fewest points first. */
    public List<WarningThreshold> thresholds() {
        return thresholds;
    }

    /**
     * Warns the author of the post. {@code expiresIn} null: the warning never expires. The reason is shown to the
     * member (1-500 characters).
     */
    public WarningResult warn(Actor actor, PostId postId, int points, String reason, Duration expiresIn) {
        String r = reason == null ? "" : reason.strip();
        Validation.start()
                .require(points >= 1 && points <= Warning.MAX_POINTS, "points", "out_of_range",
                        "points must be 1-" + Warning.MAX_POINTS)
                .length(r, "reason", 1, 500).wellFormed(r, "reason")
                .require(expiresIn == null || (!expiresIn.isNegative() && !expiresIn.isZero() && expiresIn.compareTo(LONGEST) <= 0),
                        "expires_in", "out_of_range", "a warning expires after 1 day to 10 years, or never")
                .orThrow();
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Post post = ctx.storage.posts().byId(postId).orElseThrow(() -> new NotFoundException("no post " + postId));
            Member author = ctx.storage.members().byId(post.authorId())
                    .orElseThrow(() -> new NotFoundException("the post's author no longer exists"));
            ctx.policy.check(ctx.standing(me), Action.WARN_MEMBER, Target.member(me.id().equals(author.id()), author.role()));
            Instant now = ctx.now();
            int before = activePoints(ctx.storage.warnings().ofMember(author.id()), now);
            Warning w = ctx.storage.warnings().add(new Warning(null, author.id(), post.id(), post.threadId(), me.id(), points,
                    r, now, expiresIn == null ? null : now.plus(expiresIn)));
            int after = before + points;
            ctx.audit.record(me.id(), AuditAction.MEMBER_WARN, AuditTarget.member(author.id()), before + " points",
                    after + " points (" + points + " for post " + post.id() + (w.expiresAt() == null ? ", never expire" : ", expire " + w.expiresAt()) + ")", r);
            events.add(new ForumEvent.MemberWarned(w.id(), author.id(), post.id(), post.threadId(), points, me.id(), now));
            Member banned = null;
            WarningThreshold reached = reached(before, after);
            if (reached != null) {
                Instant until = now.plus(reached.ban());
                boolean longerBanRuns = author.isBannedAt(now)
                        && (author.ban().until() == null || !author.ban().until().isBefore(until));
                if (!longerBanRuns) {
                    banned = Bans.apply(ctx, me, author, "warning points reached " + reached.points() + ": " + r, until, events);
                }
            }
            return new WarningResult(w, after, banned);
        });
    }

    /**
     * Revokes a warning: its points stop counting at once. Who may warn the member may revoke (not their own warnings
     * of themself, an admin's only by an admin); a ban the points brought stays, lifted through unban. Audited.
     */
    public MemberWarnings revoke(Actor actor, WarningId id, String reason) {
        String r = reason == null ? "" : reason.strip();
        Validation.start().require(r.length() <= 500, "reason", "too_long", "reason must be at most 500 characters")
                .noControlCharacters(r, "reason").orThrow();
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Warning w = ctx.storage.warnings().byId(id).orElseThrow(() -> new NotFoundException("no warning " + id));
            Member member = ctx.storage.members().byId(w.member()).orElseThrow(() -> new NotFoundException("no warning " + id));
            ctx.policy.check(ctx.standing(me), Action.WARN_MEMBER, Target.member(me.id().equals(member.id()), member.role()));
            Instant now = ctx.now();
            int before = activePoints(ctx.storage.warnings().ofMember(member.id()), now);
            if (!ctx.storage.warnings().revoke(id, me.id(), now)) {
                throw new dev.forumkit.core.ConflictException("the warning is already revoked");
            }
            List<Warning> all = ctx.storage.warnings().ofMember(member.id());
            int after = activePoints(all, now);
            ctx.audit.record(me.id(), AuditAction.MEMBER_WARNING_REVOKE, AuditTarget.member(member.id()), before + " points",
                    after + " points (warning " + id + " revoked)", r.isEmpty() ? null : r);
            return new MemberWarnings(all, after);
        });
    }

    /** The member's warnings; the member themself and staff may look. */
    public MemberWarnings ofMember(Actor actor, MemberId memberId) {
        return ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.requireMember(actor);
            Member target = ctx.storage.members().byId(memberId).orElseThrow(() -> new NotFoundException("no member " + memberId));
            ctx.policy.check(ctx.standing(me), Action.VIEW_WARNINGS, Target.member(me.id().equals(target.id()), target.role()));
            List<Warning> all = ctx.storage.warnings().ofMember(memberId);
            return new MemberWarnings(all, activePoints(all, ctx.now()));
        });
    }

    /** The highest threshold crossed going from {@code before} to {@code after} points, or null. */
    private WarningThreshold reached(int before, int after) {
        WarningThreshold hit = null;
        for (WarningThreshold t : thresholds) {
            if (t.points() > before && t.points() <= after) {
                hit = t;
            }
        }
        return hit;
    }

    static int activePoints(List<Warning> warnings, Instant now) {
        return warnings.stream().filter(w -> w.activeAt(now)).mapToInt(Warning::points).sum();
    }
}
