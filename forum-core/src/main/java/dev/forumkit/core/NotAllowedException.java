package dev.forumkit.core;

/** The actor is known but the policy denies the action (or a guest tried something that needs a member). */
public final class NotAllowedException extends ForumException {
    private final boolean signInRequired;

    public NotAllowedException(String message) {
        this(message, false);
    }

    public NotAllowedException(String message, boolean signInRequired) {
        super(signInRequired ? "sign_in_required" : "not_allowed", message);
        this.signInRequired = signInRequired;
    }

    private NotAllowedException(String code, String message) {
        super(code, message);
        this.signInRequired = false;
    }

    /**
     * A refusal a member can lift themself, with its own code so adapters can offer the way out (such as
     * {@code email_unverified}: a button that sends the verification link again).
     */
    public static NotAllowedException because(String code, String message) {
        return new NotAllowedException(code, message);
    }

    /** True when a guest asked: signing in might help (HTTP 401 rather than 403). */
    public boolean signInRequired() {
        return signInRequired;
    }
}
