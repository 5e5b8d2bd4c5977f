package dev.forumkit.web.internal;

import io.javalin.http.Context;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The checks a state-changing request passes before any work: it comes from our own pages (Origin, else Referer,
 * against Host) and, when a cookie signed it in, it echoes the CSRF token ({@code X-CSRF-Token} header, or a
 * {@code _csrf} form field for HTML forms).
 */
public final class RequestChecks {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    private final boolean trustForwarded;
    private final List<String> allowedOrigins;

    public RequestChecks(PluginSettings.Security security) {
        this.trustForwarded = security.trustForwardedHeaders();
        this.allowedOrigins = security.allowedOrigins();
    }

    public void sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            String referer = ctx.header("Referer");
            if (referer == null) {
                return; // not a browser, or a browser told to send neither: the CSRF token still guards cookies
            }
            origin = originOf(referer);
        }
        if (origin == null || !allowed(origin.strip().toLowerCase(Locale.ROOT), host(ctx))) {
            throw HttpProblem.crossOrigin();
        }
    }

    public void csrf(Context ctx, Viewer viewer) {
        if (!viewer.needsCsrf()) {
            return;
        }
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null && (ctx.isFormUrlencoded() || ctx.isMultipartFormData())) { // a form with files is multipart
            sent = ctx.formParam(CSRF_FIELD);
        }
        if (sent == null || sent.isBlank()) {
            throw HttpProblem.csrf("a CSRF token is required: send the " + CSRF_HEADER + " header");
        }
        if (!Tokens.sameToken(sent.strip(), viewer.csrfToken())) {
            throw HttpProblem.csrf("the CSRF token does not match this session");
        }
    }

    /** The client's address for rate limits: the socket's peer, or the first forwarded address behind a trusted proxy. */
    public String clientIp(Context ctx) {
        if (trustForwarded) {
            String xff = ctx.header("X-Forwarded-For");
            if (xff != null && !xff.isBlank()) {
                return xff.split(",", 2)[0].strip();
            }
        }
        return ctx.req().getRemoteAddr();
    }

    private boolean allowed(String origin, String host) {
        if (allowedOrigins.contains(origin)) {
            return true;
        }
        String authority = authorityOf(origin);
        return authority != null && host != null && authority.equals(host.toLowerCase(Locale.ROOT));
    }

    private String host(Context ctx) {
        if (trustForwarded && ctx.header("X-Forwarded-Host") != null) {
            return ctx.header("X-Forwarded-Host").split(",", 2)[0].strip();
        }
        return ctx.header("Host");
    }

    private static String originOf(String url) {
        try {
            URI u = URI.create(url.strip());
            if (u.getScheme() == null || u.getRawAuthority() == null) {
                return null;
            }
            return u.getScheme() + "://" + u.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String authorityOf(String origin) {
        if (origin.equals("null")) {
            return null;
        }
        try {
            URI u = URI.create(origin);
            String authority = u.getRawAuthority();
            if (authority == null) {
                return null;
            }
            int port = u.getPort();
            boolean defaultPort = (port == 80 && "http".equals(u.getScheme())) || (port == 443 && "https".equals(u.getScheme()));
            return defaultPort ? u.getHost() : authority;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
