package dev.forumkit.web.internal;

import dev.forumkit.core.Actor;
import dev.forumkit.core.apikey.ApiKey;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Standing;

import java.time.Instant;

/**
 * Who is asking, for one request: the member (null for a guest), how they proved it, and the secret their CSRF
 * token derives from.
 */
public final class Viewer {
    /** How the request is signed in; only ambient credentials (cookies) need CSRF tokens. */
    public enum Credential { NONE, FORUM_COOKIE, HOST_AMBIENT, HOST_HEADER, API_KEY }

    private final Member member;
    private final Credential credential;
    private final String csrfSecret;
    private final String sessionToken;
    private final Instant now;
    private final ApiKey apiKey;

    Viewer(Member member, Credential credential, String csrfSecret, String sessionToken, Instant now) {
        this(member, credential, csrfSecret, sessionToken, now, null);
    }

    private Viewer(Member member, Credential credential, String csrfSecret, String sessionToken, Instant now, ApiKey apiKey) {
        this.member = member;
        this.apiKey = apiKey;
        this.credential = apiKey != null ? Credential.API_KEY : member == null ? Credential.NONE : credential;
        this.csrfSecret = member == null ? null : csrfSecret;
        this.sessionToken = member == null ? null : sessionToken;
        this.now = now;
    }

    /** A call made with an API key, as the member it acts as (null: as a guest). Never needs CSRF: nothing ambient. */
    static Viewer byKey(ApiKey key, Member member, Instant now) {
        return new Viewer(member, Credential.API_KEY, null, null, now, key);
    }

    /** The API key the call presented, or null. */
    public ApiKey apiKey() {
        return apiKey;
    }

    public static Viewer guest(Instant now) {
        return new Viewer(null, Credential.NONE, null, null, now);
    }

    public Member member() {
        return member;
    }

    public boolean isGuest() {
        return member == null;
    }

    /** The actor for core in this request: it carries the member read for it, so read services need not read it again. */
    public Actor actor() {
        return member == null ? Actor.guest() : Actor.signedIn(member);
    }

    /**
     * The actor for work that outlives the request (an open event stream): by id only, so services read the member
     * each time and a ban or a role change made while the stream is open applies to it.
     */
    public Actor lastingActor() {
        return member == null ? Actor.guest() : Actor.member(member.id());
    }

    public Standing standing() {
        return Standing.of(member, now);
    }

    public Credential credential() {
        return credential;
    }

    /** True when the browser sends the credential by itself, so a forged cross-site request would carry it. */
    public boolean needsCsrf() {
        return credential == Credential.FORUM_COOKIE || credential == Credential.HOST_AMBIENT;
    }

    /** The token state-changing requests must echo, or null when none is needed. */
    public String csrfToken() {
        return csrfSecret == null ? null : Tokens.csrfFor(csrfSecret);
    }

    /** The forum session token, when signed in by the forum's cookie. */
    public String sessionToken() {
        return sessionToken;
    }
}
