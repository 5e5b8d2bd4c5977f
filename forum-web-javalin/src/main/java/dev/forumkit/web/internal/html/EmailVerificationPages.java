package dev.forumkit.web.internal.html;

import dev.forumkit.core.member.Member;
import dev.forumkit.core.verify.EmailVerification;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.EmailVerificationRoutes;

import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * {@code /verify-email?token=...} (the e-mail's link: says what it will do, a button confirms) and the account's
 * e-mail page {@code /account/email} (the address and whether it is verified, a button that sends the link again,
 * the change-of-address form). They share the API's per-member rate limit and password pool.
 */
public final class EmailVerificationPages {
    private EmailVerificationPages() {
    }

    static void register(PageTable t) {
        t.get("/verify-email", Access.ANYONE, EmailVerificationPages::confirmForm);
        t.post("/verify-email", Access.ANYONE, EmailVerificationPages::confirm);
        t.get("/account/email", Access.MEMBER, EmailVerificationPages::accountForm);
        t.post("/account/email", Access.MEMBER, EmailVerificationPages::change);
        t.post("/account/verify-email", Access.MEMBER, EmailVerificationPages::resend);
    }

    /** {@code link}: the open link the token names (null if none); {@code done}: the address just confirmed. */
    private static View confirmPage(Form form, EmailVerification link, String done) {
        return View.of("verify-email", new Text("verify.title")).noindex().with("form", form)
                .with("address", link == null ? null : link.email())
                .with("change", link != null && link.purpose() == EmailVerification.Purpose.CHANGE_ADDRESS)
                .with("done", done);
    }

    private static Object confirmForm(Call call) {
        String token = call.ctx().queryParam("token");
        // the link's token must not leak to other sites through the Referer of anything this page loads
        call.ctx().header("Referrer-Policy", "no-referrer");
        Optional<EmailVerification> link = call.api().forum().emailVerifications().usable(token);
        View page = confirmPage(Form.empty().set("token", link.isPresent() ? token : null), link.orElse(null), null);
        return link.isPresent() ? page : page.status(404);
    }

    private static Object confirm(Call call) {
        Form form = Form.from(call.ctx(), "token");
        String token = form.get("token");
        call.ctx().header("Referrer-Policy", "no-referrer");
        try {
            Member m = call.api().forum().emailVerifications().confirm(token);
            return confirmPage(Form.empty(), null, m.email());
        } catch (RuntimeException refused) {
            EmailVerification still = call.api().forum().emailVerifications().usable(token).orElse(null);
            return Refusal.of(confirmPage(still == null ? Form.empty() : form, still, null), form, refused);
        }
    }

    private static View accountPage(Call call, Form form, Text sent) {
        Member me = call.api().forum().members().byId(call.viewer().member().id()).orElse(call.viewer().member());
        return View.of("account-email", new Text("account.email.title")).noindex().with("form", form).with("me", me)
                .with("sent", sent)
                .with("required", call.api().forum().emailVerifications().verification()
                        == dev.forumkit.core.verify.Verification.REQUIRED_TO_POST);
    }

    private static Object accountForm(Call call) {
        return accountPage(call, Form.empty(), null);
    }

    private static Object change(Call call) {
        Form form = Form.from(call.ctx(), "email");
        String email = form.get("email");
        try {
            return EmailVerificationRoutes.change(call.api(), call.viewer().member(), email,
                    call.ctx().formParam("current_password")).handle((done, failure) -> {
                        if (failure == null) {
                            return (Object) accountPage(call, Form.empty(), new Text("account.email.changeSent", email.strip()));
                        }
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        return Refusal.of(accountPage(call, form, null), form, cause, "email", "current_password");
                    });
        } catch (RuntimeException refused) {
            return Refusal.of(accountPage(call, form, null), form, refused, "email", "current_password");
        }
    }

    private static Object resend(Call call) {
        Form form = Form.empty();
        try {
            EmailVerificationRoutes.resend(call.api(), call.viewer().member());
        } catch (RuntimeException refused) {
            return Refusal.of(accountPage(call, form, null), form, refused);
        }
        return accountPage(call, form, new Text("account.email.resent"));
    }
}
