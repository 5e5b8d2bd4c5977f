package dev.forumkit.web.internal.html;

import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.PasswordResetRoutes;

/**
 * {@code /forgot-password} (ask for a link; the same page afterwards whether or not the address is registered) and
 * {@code /reset-password?token=...} (the e-mail's link: choose a new password). They share the API's rate limits
 * and password pool.
 */
public final class PasswordResetPages {
    private PasswordResetPages() {
    }

    static void register(PageTable t) {
        t.get("/forgot-password", Access.ANYONE, PasswordResetPages::forgotForm);
        t.post("/forgot-password", Access.ANYONE, PasswordResetPages::forgot);
        t.get("/reset-password", Access.ANYONE, PasswordResetPages::resetForm);
        t.post("/reset-password", Access.ANYONE, PasswordResetPages::reset);
    }

    private static View forgot(Form form, String sent) {
        return View.of("forgot-password", new Text("login.forgot")).noindex().with("form", form).with("sent", sent);
    }

    private static Object forgotForm(Call call) {
        return forgot(Form.empty(), null);
    }

    private static Object forgot(Call call) {
        Form form = Form.from(call.ctx(), "email");
        try {
            PasswordResetRoutes.request(call.api(), call.ctx(), form.get("email"));
        } catch (RuntimeException refused) {
            return Refusal.of(forgot(form, null), form, refused, "email");
        }
        return forgot(Form.empty(), PasswordResetRoutes.SENT);
    }

    private static View reset(Form form, boolean usable, boolean done) {
        return View.of("reset-password", new Text("reset.title")).noindex().with("form", form)
                .with("usable", usable).with("done", done);
    }

    private static Object resetForm(Call call) {
        String token = call.ctx().queryParam("token");
        // the link's token must not leak to other sites through the Referer of anything this page loads
        // the token in this address must not reach other sites in a Referer; "same-origin" rather than "no-referrer",
        // under which browsers send "Origin: null" with the page's own form, and the same-origin check refuses it
        call.ctx().header("Referrer-Policy", "same-origin");
        boolean usable = call.api().forum().passwordResets().usable(token);
        View page = reset(Form.empty().set("token", usable ? token : null), usable, false);
        return usable ? page : page.status(404);
    }

    private static Object reset(Call call) {
        Form form = Form.from(call.ctx(), "token");
        String password = call.ctx().formParam("new_password");
        String token = form.get("token");
        return call.api().passwords().submit(() -> call.api().forum().passwordResets().confirm(token, password))
                .handle((m, failure) -> {
                    if (failure == null) {
                        return (Object) reset(Form.empty(), true, true);
                    }
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    boolean stillUsable = call.api().forum().passwordResets().usable(token);
                    return Refusal.of(reset(form, stillUsable, false), form, cause, "new_password");
                });
    }
}
