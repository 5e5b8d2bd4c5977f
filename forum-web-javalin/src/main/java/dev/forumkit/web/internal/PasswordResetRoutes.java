package dev.forumkit.web.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.forumkit.core.Validation;
import dev.forumkit.web.Access;
import io.javalin.http.Context;

import java.util.Locale;
import java.util.Map;

/**
 * Password reset over the API: {@code POST /password-resets} asks for a link by e-mail address (202 with the same
 * body whether or not the address is registered), {@code POST /password-resets/confirm} sets the new password with
 * the link's token (204) and signs the member out everywhere.
 */
public final class PasswordResetRoutes {
    /** The one answer to every accepted request, registered address or not. */
    public static final String SENT = "If an account uses this e-mail address, we have sent it a link to choose a new "
            + "password. The link works once, for an hour.";

    private PasswordResetRoutes() {
    }

    record ResetRequest(String email) {
    }

    record ResetConfirm(String token, @JsonAlias("password") String newPassword) {
    }

    public static void register(RouteTable t) {
        t.post("/password-resets", Access.ANYONE, PasswordResetRoutes::request);
        t.post("/password-resets/confirm", Access.ANYONE, PasswordResetRoutes::confirm);
    }

    private static Object request(Call call) {
        ResetRequest in = call.body(ResetRequest.class);
        request(call.api(), call.ctx(), in.email());
        return new Reply(202, Map.of("message", SENT));
    }

    /**
     * Rate limits (per client address, then per e-mail address: counted alike for unknown addresses), then asks core
     * for the link. Shared with the HTML form, so a person has one budget, not two.
     */
    public static void request(Api api, Context ctx, String email) {
        Validation.start().require(email != null && !email.isBlank(), "email", "required", "email is required").orThrow();
        api.passwordResetPerIp.acquire(api.checks().clientIp(ctx));
        api.passwordResetPerAddress.acquire(email.strip().toLowerCase(Locale.ROOT));
        api.forum().passwordResets().request(email);
    }

    private static Object confirm(Call call) {
        ResetConfirm in = call.body(ResetConfirm.class);
        Validation.start().require(in.token() != null && !in.token().isBlank(), "token", "required", "token is required")
                .orThrow();
        // the token is checked before hashing, so only a live link costs a hash
        return call.api().passwords().submit(() -> call.api().forum().passwordResets().confirm(in.token(), in.newPassword()))
                .thenApply(m -> Reply.noContent());
    }
}
