package dev.forumkit.web;

import dev.forumkit.web.internal.PluginSettings;

import java.time.Duration;
import java.util.Objects;

/**
 * The largest request body and the rate limits: {@code c.limits(l -> l.signInPerIp(RateLimit.of(10,
 * Duration.ofMinutes(1))))}. Sign-in and registration are limited before any password is hashed.
 */
public final class LimitsConfig {
    /** 256 KiB: far above the longest post (50,000 characters of up to 4 bytes) plus JSON overhead. */
    public static final long DEFAULT_BODY_BYTES = 256 * 1024;
    private final ForumPluginConfig owner;
    private long bodyBytes = DEFAULT_BODY_BYTES;
    private RateLimit signInPerIp = RateLimit.of(20, Duration.ofMinutes(1));
    private RateLimit signInPerAccount = RateLimit.of(10, Duration.ofMinutes(5));
    private RateLimit registrationPerIp = RateLimit.of(5, Duration.ofHours(1));
    private RateLimit postingPerMember = RateLimit.of(1, Duration.ofSeconds(5));
    private RateLimit passwordResetPerIp = RateLimit.of(10, Duration.ofHours(1));
    private RateLimit passwordResetPerAddress = RateLimit.of(3, Duration.ofHours(1));
    private RateLimit emailVerificationPerMember = RateLimit.of(3, Duration.ofHours(1));
    private RateLimit searchPerGuestIp = RateLimit.of(30, Duration.ofMinutes(1));
    private RateLimit reportingPerMember = RateLimit.of(10, Duration.ofHours(1));

    LimitsConfig(ForumPluginConfig owner) {
        this.owner = owner;
    }

    /** Largest accepted request body in bytes (default 256 KiB); larger ones get 413. */
    public LimitsConfig bodyBytes(long bytes) {
        owner.checkOpen();
        if (bytes < 1024) {
            throw new IllegalArgumentException("body limit must be at least 1 KiB");
        }
        this.bodyBytes = bytes;
        return this;
    }

    /** Sign-in attempts per client address (default 20 a minute). */
    public LimitsConfig signInPerIp(RateLimit value) {
        owner.checkOpen();
        this.signInPerIp = Objects.requireNonNull(value, "signInPerIp");
        return this;
    }

    /** Sign-in attempts per account name (default 10 in 5 minutes); a successful sign-in resets it. */
    public LimitsConfig signInPerAccount(RateLimit value) {
        owner.checkOpen();
        this.signInPerAccount = Objects.requireNonNull(value, "signInPerAccount");
        return this;
    }

    /** Registrations per client address (default 5 an hour). */
    public LimitsConfig registrationPerIp(RateLimit value) {
        owner.checkOpen();
        this.registrationPerIp = Objects.requireNonNull(value, "registrationPerIp");
        return this;
    }

    /** New threads and replies per member (default one per 5 seconds). */
    public LimitsConfig postingPerMember(RateLimit value) {
        owner.checkOpen();
        this.postingPerMember = Objects.requireNonNull(value, "postingPerMember");
        return this;
    }

    /** Password reset requests per client address (default 10 an hour). */
    public LimitsConfig passwordResetPerIp(RateLimit value) {
        owner.checkOpen();
        this.passwordResetPerIp = Objects.requireNonNull(value, "passwordResetPerIp");
        return this;
    }

    /**
     * Password reset requests per e-mail address (default 3 an hour), counted alike for registered and unknown
     * addresses, so the limit tells nothing either: nobody can flood a member's inbox.
     */
    public LimitsConfig passwordResetPerAddress(RateLimit value) {
        owner.checkOpen();
        this.passwordResetPerAddress = Objects.requireNonNull(value, "passwordResetPerAddress");
        return this;
    }

    /**
     * Verification e-mails a member asks for (resending the link, changing the address) per member (default 3 an
     * hour): each one sends e-mail, so nobody can flood an inbox through them.
     */
    public LimitsConfig emailVerificationPerMember(RateLimit value) {
        owner.checkOpen();
        this.emailVerificationPerMember = Objects.requireNonNull(value, "emailVerificationPerMember");
        return this;
    }

    /**
     * Searches per client address by guests (default 30 a minute): a search costs more than any page, so it is the
     * cheapest way to load a forum. Signed-in members are not limited.
     */
    public LimitsConfig searchPerGuestIp(RateLimit value) {
        owner.checkOpen();
        this.searchPerGuestIp = Objects.requireNonNull(value, "searchPerGuestIp");
        return this;
    }

    /**
    /** Reports of posts and profiles per member (default 10 an hour): a report costs a moderator's time. */
    public LimitsConfig reportingPerMember(RateLimit value) {
        owner.checkOpen();
        this.reportingPerMember = Objects.requireNonNull(value, "reportingPerMember");
        return this;
    }

    /** Sets every rate limit to unlimited (the body limit stays); for load tests and tests of other behaviour. */
    public LimitsConfig noRateLimits() {
        owner.checkOpen();
        signInPerIp = signInPerAccount = registrationPerIp = postingPerMember = RateLimit.unlimited();
        passwordResetPerIp = passwordResetPerAddress = emailVerificationPerMember = searchPerGuestIp = reportingPerMember = RateLimit.unlimited();
        return this;
    }

    PluginSettings.Limits freeze() {
        return new PluginSettings.Limits(bodyBytes, signInPerIp, signInPerAccount, registrationPerIp, postingPerMember,
                passwordResetPerIp, passwordResetPerAddress, emailVerificationPerMember, searchPerGuestIp,
                reportingPerMember);
    }
}
