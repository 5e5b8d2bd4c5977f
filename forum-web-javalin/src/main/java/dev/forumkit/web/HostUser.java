package dev.forumkit.web;

import dev.forumkit.core.member.ExternalIdentity;

import java.util.Objects;

/**
 * A user the host application signed in, as it wants the forum to know them. As with {@link Authentication}: when
 * the host's credential travels by itself (a cookie) give a per-session secret, from which the forum derives the CSRF
 * token that state-changing requests must carry; a credential the browser never sends on its own needs none.
 *
 * @param identity      who the user is (provisioned as a member on every request, see
 *                      {@code MemberService.provision})
 * @param sessionSecret a secret unique to the host session (at least 16 characters), or null when not ambient
 */
public record HostUser(ExternalIdentity identity, String sessionSecret) {
    public HostUser {
        Objects.requireNonNull(identity, "identity");
        if (sessionSecret != null && sessionSecret.length() < 16) {
            throw new IllegalArgumentException("the session secret must be at least 16 characters");
        }
    }

    /** Signed in through the host's cookie: CSRF tokens are required. */
    public static HostUser fromCookie(ExternalIdentity identity, String sessionSecret) {
        return new HostUser(identity, Objects.requireNonNull(sessionSecret, "sessionSecret"));
    }

    /** Signed in through a header the browser never adds by itself: no CSRF token is needed. */
    public static HostUser fromHeader(ExternalIdentity identity) {
        return new HostUser(identity, null);
    }
}
