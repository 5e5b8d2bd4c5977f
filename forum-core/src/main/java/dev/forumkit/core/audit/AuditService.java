package dev.forumkit.core.audit;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.read.Page;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading the audit log (admins). Writing happens inside each staff command through {@link AuditTrail}. */
public final class AuditService {
    public static final int PER_PAGE = 50;
    private final ServiceContext ctx;

    public AuditService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /** Page n of the entries matching the filter, newest first. */
    public Page<AuditLine> list(Actor actor, AuditFilter filter, int page) {
        if (page < 1) {
            throw InvalidInputException.of("page", "out_of_range", "pages start at 1");
        }
        AuditFilter f = filter == null ? AuditFilter.ALL : filter;
        if (f.from() != null && f.to() != null && !f.from().isBefore(f.to())) {
            throw InvalidInputException.of("to", "before_from", "the end of the period must come after its start");
        }
        return ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.requireMember(actor);
            ctx.policy.check(ctx.standing(me), Action.VIEW_AUDIT_LOG, Target.NONE);
            long total = ctx.storage.auditLog().count(f);
            List<AuditEntry> entries = ctx.storage.auditLog().page(f, (page - 1) * PER_PAGE, PER_PAGE);
            Set<MemberId> actors = entries.stream().map(AuditEntry::actor).collect(Collectors.toSet());
            Map<MemberId, Member> names = actors.isEmpty() ? Map.of() : ctx.storage.members().byIds(actors);
            List<AuditLine> lines = entries.stream().map(e -> new AuditLine(e,
                    names.containsKey(e.actor()) ? names.get(e.actor()).username() : null)).toList();
            return new Page<>(lines, page, Page.lastPage(total, PER_PAGE), PER_PAGE, total);
        });
    }
}
