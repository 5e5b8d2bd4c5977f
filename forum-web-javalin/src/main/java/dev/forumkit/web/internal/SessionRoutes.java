package dev.forumkit.web.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.forumkit.core.Validation;
import dev.forumkit.core.member.Member;
import dev.forumkit.web.Access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Signing in and out: {@code /session}. Sign-in is rate limited per IP and per account before any hashing. */
public final class SessionRoutes {
    private SessionRoutes() {
    }

    record SignIn(@JsonAlias({"username", "email"}) String login, String password) {
    }

    /** What a client keeps after signing in: the CSRF token to echo and when the session ends. */
    record SessionJson(String csrfToken, Instant expiresAt) {
    }

    public static void register(RouteTable t) {
        t.get("/session", Access.ANYONE, SessionRoutes::current);
        t.post("/session", Access.ANYONE, SessionRoutes::signIn);
        t.delete("/session", Access.ANYONE, SessionRoutes::signOut);
    }

    private static Object current(Call call) {
        Map<String, Object> session = new LinkedHashMap<>();
        Viewer v = call.viewer();
        session.put("signed_in", !v.isGuest());
        session.put("member", v.isGuest() ? null : MemberJson.AccountJson.from(v.member()));
        session.put("csrf_token", v.csrfToken());
        return Map.of("session", session);
    }

    private static Object signIn(Call call) {
        SignIn in = call.body(SignIn.class);
        Validation.start()
                .require(in.login() != null && !in.login().isBlank(), "login", "required", "login is required")
                .require(in.password() != null && !in.password().isEmpty(), "password", "required", "password is required")
                .orThrow();
        Api api = call.api();
        String ip = api.checks().clientIp(call.ctx());
        String account = in.login().strip().toLowerCase(Locale.ROOT);
        api.signInPerIp.acquire(ip);
        api.signInPerAccount.acquire(account);
        return api.passwords().submit(() -> api.forum().members().authenticate(in.login(), in.password()))
                .thenApply(found -> signedIn(call, found, account));
    }

    private static Object signedIn(Call call, Optional<Member> found, String account) {
        Member m = found.orElseThrow(HttpProblem::invalidCredentials);
        call.api().signInPerAccount.reset(account);
        return started(call, m);
    }

    /** Starts a session for the member on this client and answers with the account and CSRF token. */
    static Map<String, Object> started(Call call, Member m) {
        Viewer v = call.api().sessions().start(call.ctx(), call.viewer(), m.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("member", MemberJson.AccountJson.from(v.member()));
        body.put("session", new SessionJson(v.csrfToken(), call.api().sessions().expiresAtForNew()));
        return body;
    }

    private static Object signOut(Call call) {
        call.api().sessions().end(call.ctx(), call.viewer());
        return null;
    }

}
