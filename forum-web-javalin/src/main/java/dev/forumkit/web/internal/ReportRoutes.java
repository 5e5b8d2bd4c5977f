package dev.forumkit.web.internal;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.report.ReportId;
import dev.forumkit.core.report.ReportStatus;
import dev.forumkit.core.report.ReportView;
import dev.forumkit.web.Access;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reports: members report posts and profiles (rate limited); staff work the queue. */
public final class ReportRoutes {
    private ReportRoutes() {
    }

    record Reason(String reason) {
    }

    record Comment(String comment) {
    }

    public static void register(RouteTable t) {
        t.post("/posts/{postId}/report", Access.MEMBER, ReportRoutes::reportPost);
        t.post("/members/{memberId}/report", Access.MEMBER, ReportRoutes::reportMember);
        t.get("/reports", Access.STAFF, ReportRoutes::queue);
        t.get("/reports/{reportId}", Access.STAFF, call -> one(call.api().forum().reports().get(call.actor(), id(call))));
        t.post("/reports/{reportId}/comments", Access.STAFF, call -> one(call.api().forum().reports()
                .comment(call.actor(), id(call), call.body(Comment.class).comment())));
        t.post("/reports/{reportId}/resolve", Access.STAFF, call -> one(call.api().forum().reports()
                .resolve(call.actor(), id(call), call.optionalBody(Comment.class, new Comment(null)).comment())));
        t.post("/reports/{reportId}/reject", Access.STAFF, call -> one(call.api().forum().reports()
                .reject(call.actor(), id(call), call.optionalBody(Comment.class, new Comment(null)).comment())));
    }

    private static ReportId id(Call call) {
        return ReportId.of(call.id("reportId"));
    }

    private static Object reportPost(Call call) {
        PostId post = PostId.of(call.id("postId"));
        Reason in = call.body(Reason.class);
        ReportId id = call.api().forum().reports().reportPost(call.actor(), post, in.reason(), gate(call));
        return Reply.created(Map.of("report", new ReportJson.Filed(id.value(), "open")));
    }

    private static Object reportMember(Call call) {
        MemberId member = MemberId.of(call.id("memberId"));
        Reason in = call.body(Reason.class);
        ReportId id = call.api().forum().reports().reportMember(call.actor(), member, in.reason(), gate(call));
        return Reply.created(Map.of("report", new ReportJson.Filed(id.value(), "open")));
    }

    /** One budget per member for the API and the pages. */
    static Runnable gate(Call call) {
        String member = call.viewer().member().id().toString();
        return () -> call.api().reportingPerMember.acquire(member);
    }

    private static Object queue(Call call) {
        Page<ReportView> page = call.api().forum().reports().queue(call.actor(), status(call.ctx().queryParam("status")), call.page());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reports", page.items().stream().map(ReportJson::from).toList());
        body.put("pagination", Pagination.of(page));
        return body;
    }

    /** {@code open} (the default), {@code resolved} or {@code rejected}. */
    public static ReportStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return ReportStatus.OPEN;
        }
        try {
            return ReportStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.invalidField("status", "unknown_status", "status must be open, resolved or rejected");
        }
    }

    private static Object one(ReportView v) {
        return Map.of("report", ReportJson.from(v));
    }
}
