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
    private final TrustedProxies proxies;
    private final List<String> allowedOrigins;

    public RequestChecks(PluginSettings.Security security) {
        this.proxies = security.proxies();
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

    /**
     * The client's address (rate limits, session devices, guests online): the socket's peer; behind a trusted proxy
     * the right-most {@code X-Forwarded-For} address that is not a trusted proxy itself (addresses left of it are
     * whatever the client sent). A peer that is not trusted is the client, whatever it sends.
     */
    public String clientIp(Context ctx) {
        return clientIp(proxies, ctx.req().getRemoteAddr(), java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
    }

    static String clientIp(TrustedProxies proxies, String peer, List<String> forwardedFor) {
        if (!proxies.trusts(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new java.util.ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (TrustedProxies.bytes(hops.get(i)) == null) {
                return client; // not an address: a client's invention; the last hop a trusted proxy named stands
            }
            client = hops.get(i);
            if (!proxies.trusts(client)) {
                return client;
            }
        }
        return client;
    }

    /** True when the client reached us over HTTPS: directly, or by {@code X-Forwarded-Proto} from a trusted proxy. */
    public boolean https(Context ctx) {
        return "https".equalsIgnoreCase(scheme(ctx));
    }

    /** {@code http} or {@code https}: the request's, or {@code X-Forwarded-Proto}'s behind a trusted proxy. */
    public String scheme(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Proto");
        if (forwarded != null && proxies.trusts(ctx.req().getRemoteAddr())) {
            return forwarded.split(",", 2)[0].strip().toLowerCase(Locale.ROOT);
        }
        return ctx.scheme();
    }

    /** The Host the client asked for: the request's, or {@code X-Forwarded-Host}'s behind a trusted proxy. */
    public String host(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Host");
        if (forwarded != null && proxies.trusts(ctx.req().getRemoteAddr())) {
            return forwarded.split(",", 2)[0].strip();
        }
        return ctx.header("Host");
    }

    private boolean allowed(String origin, String host) {
        if (allowedOrigins.contains(origin)) {
            return true;
        }
        String authority = authorityOf(origin);
        return authority != null && host != null && authority.equals(host.toLowerCase(Locale.ROOT));
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
