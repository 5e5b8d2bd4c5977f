package dev.forumkit.web.internal;

import io.javalin.http.Context;

/** Headers every forum response carries: no inline script, no sniffing, no framing by other sites. */
public final class SecurityHeaders {
    /** The policy without any source a host added (see {@link ContentSecurityPolicy}). */
    public static final String CONTENT_SECURITY_POLICY = new ContentSecurityPolicy().value();

    private SecurityHeaders() {
    }

    /** On the forum's own responses only (or every response, with {@code headersEverywhere}): never on a host's routes. */
    public static void apply(Context ctx, PluginSettings.Security security) {
        ctx.header("Content-Security-Policy", security.contentSecurityPolicy());
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "SAMEORIGIN");
    }
}
