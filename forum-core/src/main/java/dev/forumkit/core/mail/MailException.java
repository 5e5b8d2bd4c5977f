package dev.forumkit.core.mail;

import dev.forumkit.core.ForumException;

/**
 * An e-mail could not be handed to the mail server. {@link #permanent()} tells a sender whether trying the same
 * e-mail again later can help (a timeout, a server that is down or a refused log-in can heal; a recipient the server
 * refuses for good cannot).
 */
public final class MailException extends ForumException {
    private final boolean permanent;

    public MailException(String message, boolean permanent, Throwable cause) {
        super("mail_failed", message, cause);
        this.permanent = permanent;
    }

    /** True when sending the same e-mail again will fail again. */
    public boolean permanent() {
        return permanent;
    }
}
