package dev.forumkit.web.internal;

import dev.forumkit.core.limit.RateLimitService;
import dev.forumkit.core.Forum;

/** What the routes share: the forum, settings, sessions, request checks, rate limits and the password pool. */
public final class Api implements AutoCloseable {
    private final PluginSettings settings;
    private final WebSessions sessions;
    private final RequestChecks checks;
    private final PasswordWork passwords;
    private final LiveHub live;
    final Throttle signInPerIp;
    final Throttle signInPerAccount;
    final Throttle registrationPerIp;
    final Throttle postingPerMember;
    final Throttle passwordResetPerIp;
    final Throttle passwordResetPerAddress;
    final Throttle emailVerificationPerMember;
    final Throttle searchPerGuestIp;
    final Throttle reportingPerMember;

    public Api(PluginSettings settings) {
        this.settings = settings;
        this.checks = new RequestChecks(settings.security());
        this.sessions = new WebSessions(settings, checks);
        PluginSettings.Passwords p = settings.passwords();
        this.passwords = new PasswordWork(p.threads(), p.queue(), p.queueTimeout(), System::nanoTime);
        RateLimitService counted = settings.forum().rateLimits(); // shared by every node through the storage
        PluginSettings.Limits limits = settings.limits();
        this.signInPerIp = new Throttle("sign-in-ip", limits.signInPerIp(), counted);
        this.signInPerAccount = new Throttle("sign-in-account", limits.signInPerAccount(), counted);
        this.registrationPerIp = new Throttle("registration-ip", limits.registrationPerIp(), counted);
        this.postingPerMember = new Throttle("posting-member", limits.postingPerMember(), counted);
        this.passwordResetPerIp = new Throttle("password-reset-ip", limits.passwordResetPerIp(), counted);
        this.passwordResetPerAddress = new Throttle("password-reset-address", limits.passwordResetPerAddress(), counted);
        this.emailVerificationPerMember = new Throttle("email-verification-member", limits.emailVerificationPerMember(), counted);
        this.searchPerGuestIp = new Throttle("search-guest-ip", limits.searchPerGuestIp(), counted);
        this.reportingPerMember = new Throttle("reporting-member", limits.reportingPerMember(), counted);
        this.live = new LiveHub(settings.forum(), settings.live());
    }

    public Forum forum() {
        return settings.forum();
    }

    /** The plugin's settings, frozen at start. */
    public PluginSettings settings() {
        return settings;
    }

    public WebSessions sessions() {
        return sessions;
    }

    public RequestChecks checks() {
        return checks;
    }

    public PasswordWork passwords() {
        return passwords;
    }

    /** This node's live-update streams. */
    public LiveHub live() {
        return live;
    }

    @Override
    public void close() {
        live.close();
        passwords.close();
    }
}
