package dev.forumkit.core.verify;

/** Whether members must verify their e-mail address before they post (the {@code verification} setting). */
public enum Verification {
    /** No verification e-mail on registration; unverified members post like everyone else. */
    OFF,
    /**
     * Registration sends a verification link; until it is opened the member can read and sign in, but starting
     * threads, replying and reacting are refused.
     */
    REQUIRED_TO_POST
}
