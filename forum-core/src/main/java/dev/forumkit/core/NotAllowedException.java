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

    /** True when a guest asked: signing in might help (HTTP 401 rather than 403). */
    public boolean signInRequired() {
        return signInRequired;
    }
}
