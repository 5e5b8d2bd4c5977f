package dev.forumkit.web.internal.html;

import dev.forumkit.core.approval.HeldPostId;
import dev.forumkit.core.approval.HeldView;
import dev.forumkit.core.read.Page;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.ApprovalRoutes;
import dev.forumkit.web.internal.Call;

/**
 * The approval queue page with approve and reject forms (moderators), and a held post's own page: its author reads
 * "awaiting approval" there, or the reason it was rejected.
 */
final class ApprovalPages {
    private ApprovalPages() {
    }

    static void register(PageTable t) {
        t.get("/moderation/approval/", Access.BOARD_MODERATOR, ApprovalPages::queue);
        t.post("/moderation/approval/{heldId}/approve", Access.BOARD_MODERATOR, call -> decide(call, true));
        t.post("/moderation/approval/{heldId}/reject", Access.BOARD_MODERATOR, call -> decide(call, false));
        t.get("/held/{heldId}/", Access.MEMBER, call -> held(call, Form.empty()));
    }

    /** Where a member lands after posting something that is held. */
    static String heldUrl(Call call, HeldPostId id) {
        return ReadPages.links(call).base() + "/held/" + id.value() + "/";
    }

    private static HeldPostId id(Call call) {
        return HeldPostId.of(Params.id(call, "heldId"));
    }

    private static View queue(Call call) {
        ApprovalRoutes.refuseNonModerators(call);
        Page<HeldView> page = call.api().forum().approvals().queue(call.actor(), call.page());
        Links links = ReadPages.links(call);
        return View.of("approval-queue", new Text("approval.title")).noindex().crumb(new Text("nav.forums"), links.home())
                .with("page", page).with("form", Form.empty());
    }

    private static View held(Call call, Form form) {
        HeldView v = call.api().forum().approvals().view(call.actor(), id(call));
        Links links = ReadPages.links(call);
        return (v.title() == null ? View.of("held", new Text("held.title")) : View.of("held", v.title())).noindex().crumb(new Text("nav.forums"), links.home())
                .with("view", v).with("form", form)
                .with("moderator", call.api().forum().approvals().mayDecide(call.actor(), v.held()))
                .with("own", call.viewer().member() != null && call.viewer().member().id().equals(v.held().author()));
    }

    private static Object decide(Call call, boolean approve) {
        HeldPostId id = id(call);
        Form form = Form.from(call.ctx(), "reason");
        try {
            if (approve) {
                call.api().forum().approvals().approve(call.actor(), id);
            } else {
                call.api().forum().approvals().reject(call.actor(), id, form.get("reason"));
            }
            return Redirect.seeOther(ReadPages.links(call).base() + "/moderation/approval/");
        } catch (dev.forumkit.core.NotAllowedException | dev.forumkit.core.NotFoundException e) {
            throw e; // a refusal is the answer, not a form to fill again
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, held(call, form), "reason");
        }
    }
}
