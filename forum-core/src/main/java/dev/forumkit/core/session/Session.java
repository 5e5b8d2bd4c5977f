package dev.forumkit.core.session;

import dev.forumkit.core.member.MemberId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed-in session as stored: only the SHA-256 hash of the token (hex), never the token itself, so a leaked
 * table cannot be replayed. {@code userAgent} and {@code ip} describe the device that signed in (null when the
 * adapter did not say); {@code lastUsedAt} moves at most every few minutes (see {@link SessionService#resolve}).
 */
public record Session(String tokenHash, MemberId memberId, Instant createdAt, Instant expiresAt, String userAgent,
                      String ip, Instant lastUsedAt) {
    /** How much of a user agent is kept: enough to recognise a browser, not a place to store essays. */
    public static final int MAX_USER_AGENT = 300;

    public Session {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        userAgent = clean(userAgent, MAX_USER_AGENT);
        ip = clean(ip, 64);
        lastUsedAt = lastUsedAt == null ? createdAt : lastUsedAt;
    }

    /** A session of an unknown device, last used when it was created. */
    public Session(String tokenHash, MemberId memberId, Instant createdAt, Instant expiresAt) {
        this(tokenHash, memberId, createdAt, expiresAt, null, null, createdAt);
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /**
     * A name for this session that its member may see and send back to end it, but that is not the stored hash (a
     * leaked list then names sessions without giving away what the sessions table is keyed by).
     */
    public String handle() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("handle:" + tokenHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    private static String clean(String s, int max) {
        if (s == null) {
            return null;
        }
        String kept = s.codePoints().filter(c -> !Character.isISOControl(c) && c != 0xFFFD && !(c >= 0xD800 && c <= 0xDFFF))
                .limit(max).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return kept.isEmpty() ? null : kept;
    }
}
