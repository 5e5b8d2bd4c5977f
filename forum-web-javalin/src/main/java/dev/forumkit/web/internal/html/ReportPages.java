package dev.forumkit.web.internal.html;

import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.report.ReportId;
import dev.forumkit.core.report.ReportStatus;
import dev.forumkit.core.report.ReportView;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.ReportRoutes;
import dev.forumkit.web.internal.Throttles;

/** Reporting a post or a profile (members), and the report queue with its comment, resolve and reject forms (staff). */
final class ReportPages {
    private ReportPages() {
    }

    static void register(PageTable t) {
        t.get("/posts/{postId}/report", Access.MEMBER, call -> postForm(call, Form.empty(), false));
        t.post("/posts/{postId}/report", Access.MEMBER, ReportPages::reportPost);
        t.get("/members/{member}/report", Access.MEMBER, call -> memberForm(call, Form.empty(), false));
        t.post("/members/{member}/report", Access.MEMBER, ReportPages::reportMember);
        t.get("/reports/", Access.STAFF, ReportPages::queue);
        t.get("/reports/{reportId}/", Access.STAFF, call -> detail(call, Form.empty()));
        t.post("/reports/{reportId}/comment", Access.STAFF, call -> close(call, "comment"));
        t.post("/reports/{reportId}/resolve", Access.STAFF, call -> close(call, "resolve"));
        t.post("/reports/{reportId}/reject", Access.STAFF, call -> close(call, "reject"));
    }

    private static View reportPage(Call call, Text title, String action, String back, Form form, boolean done) {
        Links links = ReadPages.links(call);
        return View.of("report", title).noindex().crumb(new Text("nav.forums"), links.home())
                .with("action", action).with("back", back).with("form", form).with("done", done);
    }

    private static PostId postId(Call call) {
        return PostId.of(Params.id(call, "postId"));
    }

    private static View postForm(Call call, Form form, boolean done) {
        PostId id = postId(call);
        String back = PostingPages.at(call, id); // also a 404 for a post the member may not see
        return reportPage(call, new Text("report.post.title"), ReadPages.links(call).base() + "/posts/" + id.value() + "/report", back, form, done);
    }

    private static Object reportPost(Call call) {
        Form form = Form.from(call.ctx(), "reason");
        try {
            call.api().forum().reports().reportPost(call.actor(), postId(call), form.get("reason"), gate(call));
            return postForm(call, Form.empty(), true);
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, postForm(call, form, false), "reason");
        }
    }

    private static View memberForm(Call call, Form form, boolean done) {
        MemberId id = MemberId.of(Params.id(call, "member"));
        Member m = call.api().forum().members().byId(id).orElseThrow(() -> new dev.forumkit.core.NotFoundException("no member " + id));
        Links links = ReadPages.links(call);
        return reportPage(call, new Text("report.member.title", m.username()), links.memberAction(m.id(), m.username(), "report"),
                links.member(m.id(), m.username()), form, done);
    }

    private static Object reportMember(Call call) {
        Form form = Form.from(call.ctx(), "reason");
        try {
            call.api().forum().reports().reportMember(call.actor(), MemberId.of(Params.id(call, "member")), form.get("reason"), gate(call));
            return memberForm(call, Form.empty(), true);
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, memberForm(call, form, false), "reason");
        }
    }

    /** The same budget as the API's reports. */
    private static Runnable gate(Call call) {
        String member = call.viewer().member().id().toString();
        return () -> Throttles.reportingPerMember(call.api()).acquire(member);
    }

    private static Object queue(Call call) {
        ReportStatus status = ReportRoutes.status(call.ctx().queryParam("status"));
        Page<ReportView> page = call.api().forum().reports().queue(call.actor(), status, call.page());
        Links links = ReadPages.links(call);
        return View.of("reports", new Text("nav.reports")).noindex().crumb(new Text("nav.forums"), links.home())
                .with("page", page).with("status", status);
    }

    private static View detail(Call call, Form form) {
        ReportView v = call.api().forum().reports().get(call.actor(), ReportId.of(Params.id(call, "reportId")));
        Links links = ReadPages.links(call);
        return View.of("report-detail", new Text("report.member.title", v.report().id())).noindex().crumb(new Text("nav.forums"), links.home())
                .crumb(new Text("nav.reports"), links.base() + "/reports/").with("view", v).with("form", form);
    }

    private static Object close(Call call, String what) {
        ReportId id = ReportId.of(Params.id(call, "reportId"));
        Form form = Form.from(call.ctx(), "comment");
        try {
            var reports = call.api().forum().reports();
            switch (what) {
                case "comment" -> reports.comment(call.actor(), id, form.get("comment"));
                case "resolve" -> reports.resolve(call.actor(), id, form.get("comment"));
                default -> reports.reject(call.actor(), id, form.get("comment"));
            }
            return Redirect.seeOther(ReadPages.links(call).base() + "/reports/" + id.value() + "/");
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, detail(call, form), "comment");
        }
    }
}
