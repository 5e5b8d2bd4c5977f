package dev.forumkit.web.internal;

import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditEntry;
import dev.forumkit.core.audit.AuditFilter;
import dev.forumkit.core.audit.AuditLine;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.read.Page;
import dev.forumkit.web.Access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The audit log for admins, read only: there is deliberately no route that changes or removes an entry. */
public final class AuditRoutes {
    private AuditRoutes() {
    }

    record EntryJson(long id, Instant at, long actorId, String actorName, String action, String targetType,
                     long targetId, String before, String after, String reason) {
        static EntryJson from(AuditLine l) {
            AuditEntry e = l.entry();
            return new EntryJson(e.id(), e.at(), e.actor().value(), l.actorName(), e.action().code(),
                    e.target().kind().code(), e.target().id(), e.before(), e.after(), e.reason());
        }
    }

    public static void register(RouteTable t) {
        t.get("/admin/audit-log", Access.ADMIN, AuditRoutes::list);
    }

    private static Object list(Call call) {
        Page<AuditLine> page = call.api().forum().audit().list(call.actor(), filter(call.ctx()::queryParam), call.page());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("audit_log", page.items().stream().map(EntryJson::from).toList());
        body.put("pagination", Pagination.of(page));
        return body;
    }

    /**
     * The filter from query parameters {@code actor} (member id), {@code action} ({@code thread_lock}, ...),
     * {@code target_type} and {@code target_id}, {@code from} and {@code to} (dates, {@code to} inclusive, or
     * ISO-8601 instants). Blank parameters are ignored; bad ones are 422s naming the parameter.
     */
    public static AuditFilter filter(Function<String, String> param) {
        MemberId actor = null;
        Long actorId = number(param.apply("actor"), "actor");
        if (actorId != null) {
            actor = MemberId.of(actorId);
        }
        AuditAction action = null;
        String rawAction = blankToNull(param.apply("action"));
        if (rawAction != null) {
            action = AuditAction.byCode(rawAction);
            if (action == null) {
                throw HttpProblem.invalidField("action", "unknown_action", "no audited action is called " + rawAction);
            }
        }
        AuditTarget.Kind kind = null;
        String rawKind = blankToNull(param.apply("target_type"));
        if (rawKind != null) {
            kind = AuditTarget.Kind.byCode(rawKind);
            if (kind == null) {
                throw HttpProblem.invalidField("target_type", "unknown_target_type", "no target type is called " + rawKind);
            }
        }
        Long targetId = number(param.apply("target_id"), "target_id");
        if (targetId != null && kind == null) {
            throw HttpProblem.invalidField("target_id", "needs_target_type", "give target_type with target_id");
        }
        Instant from = instant(param.apply("from"), "from", false);
        Instant to = instant(param.apply("to"), "to", true);
        return new AuditFilter(actor, action, kind, targetId, from, to);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Long number(String raw, String field) {
        String s = blankToNull(raw);
        if (s == null) {
            return null;
        }
        try {
            long n = Long.parseLong(s);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw HttpProblem.invalidField(field, "invalid_number", field + " must be a positive whole number");
    }

    /** A date (a day in UTC; as the end of a period it includes that whole day) or an instant. */
    private static Instant instant(String raw, String field, boolean end) {
        String s = blankToNull(raw);
        if (s == null) {
            return null;
        }
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw HttpProblem.invalidField(field, "invalid_date", field + " must be a date (2026-01-31) or an ISO-8601 time");
        }
    }
}
