package dev.forumkit.web.internal;

import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.session.Session;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.web.Authentication;
import dev.forumkit.web.Authenticator;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-side sessions behind a cookie: a random token in an HttpOnly, SameSite=Lax cookie, stored hashed through
 * core's {@code Sessions} port so every node sees the same sessions. Expiry slides once half the lifetime is used.
 */
public final class WebSessions {
    private static final long CLEANUP_EVERY_MILLIS = Duration.ofMinutes(10).toMillis();
    private final Forum forum;
    private final ForumStorage storage;
    private final PluginSettings.Sessions config;
    private final Authenticator authenticator;
    private final String cookiePath;
    private final AtomicLong lastCleanup = new AtomicLong();

    public WebSessions(PluginSettings settings) {
        this.forum = settings.forum();
        this.storage = forum.storage();
        this.config = settings.sessions();
        this.authenticator = settings.authenticator();
        this.cookiePath = settings.basePath().isEmpty() ? "/" : settings.basePath();
    }

    /** Who is asking: the host's authenticator first, then the forum's session cookie; otherwise a guest. */
    public Viewer resolve(Context ctx) {
        Instant now = forum.clock().instant();
        if (authenticator != null) {
            Optional<Authentication> auth = authenticator.authenticate(ctx);
            if (auth != null && auth.isPresent()) {
                Authentication a = auth.get();
                Member m = forum.members().byId(a.memberId()).orElse(null);
                return new Viewer(m, a.ambient() ? Viewer.Credential.HOST_AMBIENT : Viewer.Credential.HOST_HEADER,
                        a.csrfSecret(), null, now);
            }
        }
        String token = ctx.cookie(config.cookieName());
        if (!Tokens.wellFormed(token)) {
            return Viewer.guest(now);
        }
        String hash = Tokens.hash(token);
        record Found(Session session, Member member) {
        }
        Found found = storage.transactions().readOnly(() -> {
            Session s = storage.sessions().byTokenHash(hash).orElse(null);
            Member m = s == null || !s.activeAt(now) ? null : storage.members().byId(s.memberId()).orElse(null);
            return new Found(s, m);
        });
        if (found.member() == null) {
            return Viewer.guest(now);
        }
        Duration left = Duration.between(now, found.session().expiresAt());
        if (left.compareTo(config.lifetime().dividedBy(2)) < 0) {
            Instant until = now.plus(config.lifetime());
            storage.transactions().run(() -> storage.sessions().extend(hash, until));
            setCookie(ctx, token, config.lifetime());
        }
        return new Viewer(found.member(), Viewer.Credential.FORUM_COOKIE, token, hash, now);
    }

    /**
     * Signs the member in on this client: a new token every time (an old one from this client is ended, so a
     * planted token never becomes signed in). Returns the viewer the new session makes.
     */
    public Viewer start(Context ctx, Viewer previous, MemberId memberId) {
        Instant now = forum.clock().instant();
        String token = Tokens.newSessionToken();
        String hash = Tokens.hash(token);
        Session session = new Session(hash, memberId, now, now.plus(config.lifetime()));
        storage.transactions().run(() -> {
            if (previous.sessionTokenHash() != null) {
                storage.sessions().remove(previous.sessionTokenHash());
            }
            storage.sessions().add(session);
        });
        setCookie(ctx, token, config.lifetime());
        removeExpiredNowAndThen(now);
        Member m = forum.members().byId(memberId).orElseThrow();
        return new Viewer(m, Viewer.Credential.FORUM_COOKIE, token, hash, now);
    }

    /** Ends this client's forum session on the server and clears the cookie. */
    public void end(Context ctx, Viewer viewer) {
        String token = ctx.cookie(config.cookieName());
        if (Tokens.wellFormed(token)) {
            String hash = Tokens.hash(token);
            storage.transactions().run(() -> storage.sessions().remove(hash));
        }
        if (token != null) {
            setCookie(ctx, "", Duration.ZERO);
        }
    }

    public Instant expiresAtForNew() {
        return forum.clock().instant().plus(config.lifetime());
    }

    private void setCookie(Context ctx, String value, Duration maxAge) {
        Cookie c = new Cookie(config.cookieName(), value, cookiePath, (int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()),
                config.secureCookies(), true, null, SameSite.LAX);
        ctx.cookie(c);
    }

    private void removeExpiredNowAndThen(Instant now) {
        long last = lastCleanup.get();
        long millis = now.toEpochMilli();
        if (millis - last >= CLEANUP_EVERY_MILLIS && lastCleanup.compareAndSet(last, millis)) {
            storage.transactions().run(() -> storage.sessions().removeExpired(now));
        }
    }
}
