package dev.forumkit.core.member;

/** Turns passwords into self-describing hashes and checks them. Implementations must compare in constant time. */
public interface PasswordHasher {
    String hash(char[] password);

    boolean verify(char[] password, String storedHash);

    /** True when the stored hash uses weaker parameters than this hasher would use today. */
    default boolean needsRehash(String storedHash) {
        return false;
    }
}
