package dev.forumkit.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Session and CSRF tokens. A session token is 256 random bits; the storage keeps only its SHA-256. The CSRF
 * token is a hash of the session token, so it needs no storage and an attacker who cannot read the HttpOnly
 * cookie cannot compute it.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** 32 random bytes, URL-safe base64 without padding (43 characters). */
    public static String newSessionToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the session storage keys on: SHA-256 of the token, lower-case hex. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** The CSRF token that goes with a session token (or a host's session secret). */
    public static String csrfFor(String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("forumkit-csrf:" + secret));
    }

    public static boolean sameToken(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** A token as sent by a client could be anything; only well-formed ones are looked up. */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.matches("[A-Za-z0-9_\\-]+");
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
