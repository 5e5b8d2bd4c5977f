package dev.forumkit.web.internal;

import dev.forumkit.core.Forum;
import dev.forumkit.core.apikey.ApiKeyCheck;
import dev.forumkit.core.apikey.ApiKeyService;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.session.SignedIn;
import dev.forumkit.web.Authentication;
import dev.forumkit.web.Authenticator;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The session cookie: a random token in an HttpOnly, SameSite=Lax cookie. Core's session service keeps the
 * sessions (hashed, in the storage every node shares) and slides their expiry; this class only moves the token
 * between cookie and core.
 */
public final class WebSessions {
    /** The member a service key's call acts as (a username). */
    public static final String ACT_AS_HEADER = "X-Forum-Act-As";
    private final Forum forum;
    private final PluginSettings.Sessions config;
    private final Authenticator authenticator;
    private final dev.forumkit.web.HostIdentity hostIdentity;
    private final String cookiePath;

    private final RequestChecks checks;

    public WebSessions(PluginSettings settings, RequestChecks checks) {
        this.checks = checks;
        this.forum = settings.forum();
        this.config = settings.sessions();
        this.authenticator = settings.authenticator();
        this.hostIdentity = settings.hostIdentity();
        this.cookiePath = settings.basePath().isEmpty() ? "/" : settings.basePath();
    }

    /**
     * Who is asking: a forum API key in {@code Authorization: Bearer} (then nothing else counts, cookies included),
     * else the host's authenticator, then the forum's session cookie; otherwise a guest.
     */
    public Viewer resolve(Context ctx) {
        Instant now = forum.clock().instant();
        String key = forumKey(ctx);
        if (key != null) {
            ApiKeyCheck check = forum.apiKeys().check(key, ctx.header(ACT_AS_HEADER), ctx.method().name() + " " + ctx.path());
            if (check instanceof ApiKeyCheck.Refused r) {
                ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                throw HttpProblem.apiKey(r.code(), r.message());
            }
            ApiKeyCheck.Accepted a = (ApiKeyCheck.Accepted) check;
            return Viewer.byKey(a.key(), a.member(), now);
        }
        if (hostIdentity != null) {
            return hostViewer(ctx, now);
        }
        if (authenticator != null) {
            Optional<Authentication> auth = authenticator.authenticate(ctx);
            if (auth != null && auth.isPresent()) {
                Authentication a = auth.get();
                Member m = forum.members().byId(a.memberId()).orElse(null);
                return new Viewer(m, a.ambient() ? Viewer.Credential.HOST_AMBIENT : Viewer.Credential.HOST_HEADER,
                        a.csrfSecret(), null, now);
            }
        }
        Optional<SignedIn> found = forum.sessions().resolve(ctx.cookie(config.cookieName()), config.lifetime());
        if (found.isEmpty()) {
            return Viewer.guest(now);
        }
        SignedIn in = found.get();
        if (in.extended()) {
            setCookie(ctx, in.token(), config.lifetime());
        }
        return new Viewer(in.member(), Viewer.Credential.FORUM_COOKIE, in.token(), in.token(), now);
    }

    /**
     * Host identity: the host's answer alone decides, on every request. No forum session is looked at, so once the
     * host says nobody (signed out, its session expired) the next request is a guest's.
     */
    private Viewer hostViewer(Context ctx, Instant now) {
        Optional<dev.forumkit.web.HostUser> user = hostIdentity.signIn().signedIn(ctx);
        if (user == null || user.isEmpty()) {
            return Viewer.guest(now);
        }
        dev.forumkit.web.HostUser u = user.get();
        Member m = forum.members().provision(u.identity());
        return new Viewer(m, u.sessionSecret() != null ? Viewer.Credential.HOST_AMBIENT : Viewer.Credential.HOST_HEADER,
                u.sessionSecret(), null, now);
    }

    /**
     * The forum key a request presents, or null. A bearer token without the forum's prefix is left to the host's
     * authenticator (hosts may use bearer tokens of their own); without one it is a bad key.
     */
    String forumKey(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = auth.substring(7).strip();
        return authenticator == null && hostIdentity == null || token.startsWith(ApiKeyService.SECRET_PREFIX) ? token : null;
    }

    /**
     * Signs the member in on this client: a new token every time (an old one from this client is ended, so a
     * planted token never becomes signed in). Returns the viewer the new session makes.
     */
    public Viewer start(Context ctx, Viewer previous, MemberId memberId) {
        // the device, for the member's list of sessions: the user agent as sent (core trims it), the client's address
        SignedIn in = forum.sessions().create(memberId, config.lifetime(), previous.sessionToken(), ctx.userAgent(),
                checks.clientIp(ctx));
        setCookie(ctx, in.token(), config.lifetime());
        return new Viewer(in.member(), Viewer.Credential.FORUM_COOKIE, in.token(), in.token(), in.session().createdAt());
    }

    /** Ends this client's forum session on the server and clears the cookie. */
    public void end(Context ctx, Viewer viewer) {
        String token = ctx.cookie(config.cookieName());
        forum.sessions().end(token);
        if (token != null) {
            setCookie(ctx, "", Duration.ZERO);
        }
    }

    public Instant expiresAtForNew() {
        return forum.clock().instant().plus(config.lifetime());
    }

    private void setCookie(Context ctx, String value, Duration maxAge) {
        Cookie c = new Cookie(config.cookieName(), value, cookiePath, (int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()),
                config.secureCookies() || checks.https(ctx), true, null, SameSite.LAX); // https: direct, or from a trusted proxy
        ctx.cookie(c);
    }
}
