package dev.forumkit.web.internal;

import dev.forumkit.core.session.SessionTokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * CSRF tokens. Session tokens are core's ({@link SessionTokens}); the CSRF token is a hash of the session token, so
 * it needs no storage and an attacker who cannot read the HttpOnly cookie cannot compute it.
 */
public final class Tokens {
    private Tokens() {
    }

    /** The CSRF token that goes with a session token (or a host's session secret). */
    public static String csrfFor(String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(SessionTokens.sha256("forumkit-csrf:" + secret));
    }

    public static boolean sameToken(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
