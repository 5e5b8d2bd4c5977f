package dev.forumkit.core.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Session tokens: 256 random bits for the client; the storage keeps only their SHA-256, so a leaked table cannot be replayed. */
public final class SessionTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_\\-]{43}");

    private SessionTokens() {
    }

    /** 32 random bytes, URL-safe base64 without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the session storage keys on: SHA-256 of the token, lower-case hex. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** A token as sent by a client could be anything; only well-formed ones are looked up. */
    public static boolean wellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }

    /** SHA-256 of the UTF-8 bytes. */
    public static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
