package dev.forumkit.web;

import dev.forumkit.core.member.MemberId;

import java.util.Objects;

/**
 * A member signed in by the host application. When the host's credential travels by itself (a cookie), give a
 * per-session secret: state-changing requests must then carry the CSRF token derived from it. A credential the
 * browser never sends on its own (an {@code Authorization} header) needs no CSRF token.
 *
 * @param memberId  the signed-in member
 * @param csrfSecret a secret unique to the host session, or null when the credential is not ambient
 */
public record Authentication(MemberId memberId, String csrfSecret) {
    public Authentication {
        Objects.requireNonNull(memberId, "memberId");
        if (csrfSecret != null && csrfSecret.length() < 16) {
            throw new IllegalArgumentException("the CSRF secret must be at least 16 characters");
        }
    }

    /** Signed in through a cookie (or other ambient credential): CSRF tokens are required. */
    public static Authentication fromCookie(MemberId memberId, String sessionSecret) {
        return new Authentication(memberId, Objects.requireNonNull(sessionSecret, "sessionSecret"));
    }

    /** Signed in through a header the browser never adds by itself: no CSRF token is needed. */
    public static Authentication fromHeader(MemberId memberId) {
        return new Authentication(memberId, null);
    }

    public boolean ambient() {
        return csrfSecret != null;
    }
}
