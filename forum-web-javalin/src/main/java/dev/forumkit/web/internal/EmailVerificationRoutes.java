package dev.forumkit.web.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.forumkit.core.Validation;
import dev.forumkit.core.member.Member;
import dev.forumkit.web.Access;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * E-mail verification and change of address over the API: {@code POST /me/email-verification} sends the signed-in
 * member a new link, {@code PUT /me/email} asks to change the address (the current password required; the change
 * happens when the link sent to the new address is opened), {@code POST /email-verifications/confirm} does what a
 * link says. Resending and changing share one per-member rate limit: each sends e-mail.
 */
public final class EmailVerificationRoutes {
    /** The answer to a resend. */
    public static final String RESENT = "We have sent a new link to your e-mail address. It works once, for 24 hours.";

    private EmailVerificationRoutes() {
    }

    record EmailChange(String email, @JsonAlias("password") String currentPassword) {
    }

    record Confirm(String token) {
    }

    public static void register(RouteTable t) {
        t.post("/me/email-verification", Access.MEMBER, EmailVerificationRoutes::resend);
        t.put("/me/email", Access.MEMBER, EmailVerificationRoutes::change);
        t.post("/email-verifications/confirm", Access.ANYONE, EmailVerificationRoutes::confirm);
    }

    /** What a change request answers: where the link went. */
    public static String changeSent(String newEmail) {
        return "We have sent a link to " + newEmail.strip() + ". Your address changes when you open it (within 24 hours); "
                + "until then you keep using the current one.";
    }

    private static Object resend(Call call) {
        resend(call.api(), call.viewer().member());
        return new Reply(202, Map.of("message", RESENT));
    }

    /** Rate-limits per member, then asks core for a new link; shared with the account page. */
    public static void resend(Api api, Member me) {
        if (me.emailVerified()) { // answered before the rate limit: asking needlessly costs no budget
            throw new dev.forumkit.core.ConflictException("your e-mail address is already verified");
        }
        api.emailVerificationPerMember.acquire(Long.toString(me.id().value()));
        api.forum().emailVerifications().resend(dev.forumkit.core.Actor.member(me.id()));
    }

    private static Object change(Call call) {
        EmailChange in = call.body(EmailChange.class);
        return change(call.api(), call.viewer().member(), in.email(), in.currentPassword())
                .thenApply(done -> new Reply(202, Map.of("message", changeSent(in.email()))));
    }

    /**
     * Checks the new address's shape, rate-limits per member, then asks core (which checks the password: slow, so on
     * the password pool). Shared with the account page.
     */
    public static CompletableFuture<Void> change(Api api, Member me, String email, String currentPassword) {
        dev.forumkit.core.member.Registration.email(Validation.start(), "email", email == null ? null : email.strip()).orThrow();
        api.emailVerificationPerMember.acquire(Long.toString(me.id().value()));
        return api.passwords().submit(() -> {
            api.forum().emailVerifications().changeEmail(dev.forumkit.core.Actor.member(me.id()), currentPassword, email);
            return null;
        });
    }

    private static Object confirm(Call call) {
        Confirm in = call.body(Confirm.class);
        Validation.start().require(in.token() != null && !in.token().isBlank(), "token", "required", "token is required")
                .orThrow();
        call.api().forum().emailVerifications().confirm(in.token());
        return Reply.noContent();
    }
}
