package dev.forumkit.web.internal.html;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditFilter;
import dev.forumkit.core.audit.AuditLine;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.read.Page;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.AuditRoutes;
import dev.forumkit.web.internal.Call;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The audit log page for admins: a filter form (GET, so a filtered view is a link) and a page of entries. */
final class AuditPages {
    private static final List<String> FIELDS = List.of("actor", "action", "target_type", "target_id", "from", "to");

    private AuditPages() {
    }

    static void register(PageTable t) {
        t.get("/admin/audit-log", Access.ADMIN, AuditPages::list);
    }

    private static Object list(Call call) {
        Form form = Form.empty();
        FIELDS.forEach(f -> form.set(f, call.ctx().queryParam(f)));
        Links links = ReadPages.links(call);
        View page = View.of("admin/audit-log", new Text("admin.audit")).noindex().crumb(new Text("nav.forums"), links.home())
                .crumb(new Text("nav.admin"), links.admin("")).with("form", form).with("actions", AuditAction.values())
                .with("kinds", AuditTarget.Kind.values()).with("page", null).with("query", "");
        try {
            // the page names the actor by username; the API by id
            String name = form.value("actor").strip();
            Long actorId = null;
            if (!name.isEmpty()) {
                Member m = call.api().forum().members().byUsername(name)
                        .orElseThrow(() -> new NotFoundException("there is no member named " + name));
                actorId = m.id().value();
            }
            String actor = actorId == null ? null : Long.toString(actorId);
            Map<String, String> params = new java.util.HashMap<>();
            FIELDS.forEach(f -> params.put(f, form.get(f)));
            params.put("actor", actor);
            AuditFilter filter = AuditRoutes.filter(params::get);
            Page<AuditLine> lines = call.api().forum().audit().list(call.actor(), filter, call.page());
            StringBuilder query = new StringBuilder();
            for (String f : FIELDS) {
                String v = form.value(f);
                if (!v.isBlank()) {
                    query.append('&').append(f).append('=').append(URLEncoder.encode(v.strip(), StandardCharsets.UTF_8));
                }
            }
            return page.with("page", lines).with("query", query.toString());
        } catch (RuntimeException e) {
            return Refusal.of(page, form, e, FIELDS.toArray(String[]::new));
        }
    }
}
