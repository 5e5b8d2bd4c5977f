package dev.forumkit.web.internal.html;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.warning.WarningResult;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.WarningRoutes;

/** Warning a post's author (staff) and a member's own list of warnings. */
final class WarningPages {
    private WarningPages() {
    }

    static void register(PageTable t) {
        t.get("/posts/{postId}/warn", Access.STAFF, call -> warnPage(call, Form.empty().set("points", "1").set("expires_in_days", "30")));
        t.post("/posts/{postId}/warn", Access.STAFF, WarningPages::warn);
        t.get("/account/warnings", Access.MEMBER, WarningPages::own);
        t.post("/warnings/{warningId}/revoke", Access.STAFF, WarningPages::revoke);
    }

    /** Revokes from the member's profile, and goes back there. */
    private static Object revoke(Call call) {
        Form form = Form.from(call.ctx(), "reason");
        var id = dev.forumkit.core.warning.WarningId.of(Params.id(call, "warningId"));
        call.api().forum().warnings().revoke(call.actor(), id, form.get("reason"));
        String back = call.ctx().formParam("back");
        Links links = ReadPages.links(call);
        return Redirect.seeOther(back != null && back.startsWith(links.base() + "/members/") ? back : links.home());
    }

    private static View warnPage(Call call, Form form) {
        PostId id = PostId.of(Params.id(call, "postId"));
        Links links = ReadPages.links(call);
        return View.of("warn", new Text("warn.title")).noindex().crumb(new Text("nav.forums"), links.home())
                .with("action", links.base() + "/posts/" + id.value() + "/warn")
                .with("back", PostingPages.at(call, id)).with("form", form);
    }

    private static Object warn(Call call) {
        Form form = Form.from(call.ctx(), "points", "reason", "expires_in_days");
        try {
            Long points = Params.number(form.get("points"));
            if (points == null || points < 1 || points > 100) {
                throw InvalidInputException.of("points", "out_of_range", "points must be a whole number from 1 to 100");
            }
            Long days = Params.number(form.get("expires_in_days"));
            if (days != null && (days < 1 || days > 3650)) {
                throw InvalidInputException.of("expires_in", "out_of_range", "a warning expires after 1 day to 10 years, or never (leave it empty)");
            }
            WarningResult r = call.api().forum().warnings().warn(call.actor(), PostId.of(Params.id(call, "postId")),
                    points.intValue(), form.get("reason"), WarningRoutes.days(days == null ? null : days.intValue()));
            Member m = call.api().forum().members().byId(r.warning().member()).orElseThrow();
            return Redirect.seeOther(ReadPages.links(call).member(m.id(), m.username()));
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException bad) {
                // the form calls the expiry field by its unit
                e = new InvalidInputException(bad.fieldErrors().stream().map(f -> f.field().equals("expires_in")
                        ? new InvalidInputException.FieldError("expires_in_days", f.code(), f.message()) : f).toList());
            }
            return PostingPages.problem(e, form, warnPage(call, form), "points", "reason", "expires_in_days");
        }
    }

    private static Object own(Call call) {
        Member me = call.viewer().member();
        Links links = ReadPages.links(call);
        return View.of("account-warnings", new Text("member.yourWarnings")).noindex().crumb(new Text("nav.forums"), links.home())
                .with("warnings", call.api().forum().warnings().ofMember(call.actor(), me.id()));
    }
}
