package dev.forumkit.example.host;

import java.security.SecureRandom;
import java.util.Base64;

/** The host's session tokens: 24 random bytes, URL-safe. */
final class SessionTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionTokens() {
    }

    static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
