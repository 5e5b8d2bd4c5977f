package dev.forumkit.web;

import dev.forumkit.core.Forum;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Objects;

/** Settings of {@link ForumPlugin}; only {@link #forum(Forum)} is required, everything else has a default. */
public final class ForumPluginConfig {
    /** 256 KiB: far above the longest post (50,000 characters of up to 4 bytes) plus JSON overhead. */
    public static final long DEFAULT_BODY_LIMIT = 256 * 1024;

    Forum forum;
    String basePath = "";
    Authenticator authenticator;
    boolean secureCookies;
    String cookieName = "forumkit_session";
    long bodyLimit = DEFAULT_BODY_LIMIT;
    Duration sessionLifetime = Duration.ofDays(30);
    RateLimit signInPerIp = RateLimit.of(20, Duration.ofMinutes(1));
    RateLimit signInPerAccount = RateLimit.of(10, Duration.ofMinutes(5));
    RateLimit registrationPerIp = RateLimit.of(5, Duration.ofHours(1));
    RateLimit postingPerMember = RateLimit.of(1, Duration.ofSeconds(5));
    int passwordThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    int passwordQueue = 32;
    Duration passwordQueueTimeout = Duration.ofSeconds(3);
    int maxConcurrentRequests = 64;
    int maxQueuedRequests = 128;
    Duration queueTimeout = Duration.ofSeconds(1);
    final Set<String> admissionExempt = new LinkedHashSet<>();
    boolean trustForwardedHeaders;
    boolean securityHeadersEverywhere;
    final List<String> allowedOrigins = new ArrayList<>();

    /** The forum to serve (required). The plugin does not close it. */
    public ForumPluginConfig forum(Forum value) {
        this.forum = Objects.requireNonNull(value, "forum");
        return this;
    }

    /** Where the forum lives in the host's URL space, e.g. {@code /community}; default the root. */
    public ForumPluginConfig basePath(String value) {
        String p = Objects.requireNonNull(value, "basePath").strip();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.isEmpty() && (!p.startsWith("/") || p.contains("{") || p.contains("<") || p.contains("*"))) {
            throw new IllegalArgumentException("base path must start with '/' and contain no parameters: " + value);
        }
        this.basePath = p;
        return this;
    }

    /** The host's own notion of the signed-in member; when it answers empty, the forum's session cookie is used. */
    public ForumPluginConfig authenticator(Authenticator value) {
        this.authenticator = Objects.requireNonNull(value, "authenticator");
        return this;
    }

    /** Marks the session cookie {@code Secure}: set it whenever the forum is served over HTTPS. */
    public ForumPluginConfig secureCookies(boolean value) {
        this.secureCookies = value;
        return this;
    }

    public ForumPluginConfig cookieName(String value) {
        if (value == null || !value.matches("[A-Za-z0-9_\\-]{1,64}")) {
            throw new IllegalArgumentException("cookie name must be 1-64 letters, digits, '_' or '-'");
        }
        this.cookieName = value;
        return this;
    }

    /** Largest accepted request body in bytes (default 256 KiB); larger ones get 413. */
    public ForumPluginConfig bodyLimit(long bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("body limit must be at least 1 KiB");
        }
        this.bodyLimit = bytes;
        return this;
    }

    public ForumPluginConfig sessionLifetime(Duration value) {
        if (value.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("sessions must last at least a minute");
        }
        this.sessionLifetime = value;
        return this;
    }

    public ForumPluginConfig signInLimitPerIp(RateLimit value) {
        this.signInPerIp = Objects.requireNonNull(value);
        return this;
    }

    public ForumPluginConfig signInLimitPerAccount(RateLimit value) {
        this.signInPerAccount = Objects.requireNonNull(value);
        return this;
    }

    public ForumPluginConfig registrationLimitPerIp(RateLimit value) {
        this.registrationPerIp = Objects.requireNonNull(value);
        return this;
    }

    /** New threads and replies per member (default one per 5 seconds). */
    public ForumPluginConfig postingLimitPerMember(RateLimit value) {
        this.postingPerMember = Objects.requireNonNull(value);
        return this;
    }

    /** Sets every rate limit to unlimited; for tests of other behaviour. */
    public ForumPluginConfig noRateLimits() {
        signInPerIp = signInPerAccount = registrationPerIp = postingPerMember = RateLimit.unlimited();
        return this;
    }

    /**
     * Threads that hash passwords (default half the cores) and how many sign-ins may wait for one (default 32).
     * Hashing is slow by design; the small pool keeps a flood of sign-ins from starving page reads.
     */
    public ForumPluginConfig passwordHashing(int threads, int queue) {
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("need at least one hashing thread and one queue slot");
        }
        this.passwordThreads = threads;
        this.passwordQueue = queue;
        return this;
    }

    /**
     * How long a sign-in may wait in that queue (default 3 s): one that waited longer gets 503 instead of a hash, so
     * a flood of sign-ins is answered within seconds rather than after the whole queue has been hashed.
     */
    public ForumPluginConfig passwordQueueTimeout(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("the password queue timeout must not be negative");
        }
        this.passwordQueueTimeout = value;
        return this;
    }

    /**
     * Admission control for the forum's paths (everything under the base path): at most {@code maxConcurrentRequests}
     * are worked on at once (default 64), up to {@code maxQueuedRequests} more wait for a slot (default 128), each for
     * at most {@code queueTimeout} (default 1 s); the rest get 503 with {@code Retry-After} at once, as JSON or, for
     * pages, HTML. An overloaded server so keeps a bounded queue and a bounded latency instead of falling over.
     */
    public ForumPluginConfig admission(int maxConcurrentRequests, int maxQueuedRequests, Duration queueTimeout) {
        if (maxConcurrentRequests < 1 || maxQueuedRequests < 0 || queueTimeout.isNegative()) {
            throw new IllegalArgumentException("admission needs at least one concurrent request, a queue of 0 or more"
                    + " and a queue timeout of 0 or more");
        }
        this.maxConcurrentRequests = maxConcurrentRequests;
        this.maxQueuedRequests = maxQueuedRequests;
        this.queueTimeout = queueTimeout;
        return this;
    }

    /** No admission control: every request is worked on, however many arrive (the host limits them, or nobody). */
    public ForumPluginConfig noAdmissionLimit() {
        this.maxConcurrentRequests = 0;
        return this;
    }

    /** A path (e.g. {@code /health}) that admission control lets through even when the forum is full. */
    public ForumPluginConfig admissionExempt(String path) {
        this.admissionExempt.add(Objects.requireNonNull(path, "path"));
        return this;
    }

    /**
     * Trust {@code X-Forwarded-For}, {@code X-Forwarded-Host} and {@code X-Forwarded-Proto}: only behind a reverse
     * proxy that sets them, or clients could pick their own IP address for the rate limits.
     */
    public ForumPluginConfig trustForwardedHeaders(boolean value) {
        this.trustForwardedHeaders = value;
        return this;
    }

    /** An extra origin (e.g. {@code https://forum.example.org}) accepted by the same-origin check. */
    public ForumPluginConfig allowedOrigin(String origin) {
        this.allowedOrigins.add(Objects.requireNonNull(origin).strip().toLowerCase(Locale.ROOT).replaceAll("/+$", ""));
        return this;
    }

    /** Adds the security headers to every response of the app, not only the forum's (the standalone app does). */
    public ForumPluginConfig securityHeadersEverywhere(boolean value) {
        this.securityHeadersEverywhere = value;
        return this;
    }

    public Forum forum() {
        return forum;
    }

    public String basePath() {
        return basePath;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public boolean secureCookies() {
        return secureCookies;
    }

    public String cookieName() {
        return cookieName;
    }

    public long bodyLimit() {
        return bodyLimit;
    }

    public Duration sessionLifetime() {
        return sessionLifetime;
    }

    public RateLimit signInLimitPerIp() {
        return signInPerIp;
    }

    public RateLimit signInLimitPerAccount() {
        return signInPerAccount;
    }

    public RateLimit registrationLimitPerIp() {
        return registrationPerIp;
    }

    public RateLimit postingLimitPerMember() {
        return postingPerMember;
    }

    public int passwordThreads() {
        return passwordThreads;
    }

    public int passwordQueue() {
        return passwordQueue;
    }

    public Duration passwordQueueTimeout() {
        return passwordQueueTimeout;
    }

    /** Requests worked on at once; 0 when admission control is off. */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public int maxQueuedRequests() {
        return maxQueuedRequests;
    }

    public Duration queueTimeout() {
        return queueTimeout;
    }

    public Set<String> admissionExempt() {
        return Set.copyOf(admissionExempt);
    }

    public boolean trustForwardedHeaders() {
        return trustForwardedHeaders;
    }

    public boolean securityHeadersEverywhere() {
        return securityHeadersEverywhere;
    }

    public List<String> allowedOrigins() {
        return List.copyOf(allowedOrigins);
    }
}
