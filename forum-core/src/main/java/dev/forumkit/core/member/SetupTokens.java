package dev.forumkit.core.member;

import java.time.Instant;

/**
 * Storage port for the one-time set-up links that create the first admin, kept by the SHA-256 of their token. They
 * live in the storage rather than in one process so that every node accepts a link any node printed, a link is used
 * once across all nodes, and a link survives a restart until it is used.
 */
public interface SetupTokens {
    /** Stores a new token hash; storing one that exists again changes nothing. */
    void add(String tokenHash, Instant createdAt);

    /** True while the token is stored (made and not used). */
    boolean exists(String tokenHash);

    /** Removes the token; true only for the call that removed it, so of two concurrent uses exactly one wins. */
    boolean use(String tokenHash);

    /** Removes every token (the forum has its admin: no link may make another); returns how many. */
    int removeAll();
}
