package dev.forumkit.web.internal;

import com.google.common.base.Ticker;
import dev.forumkit.core.Forum;

/** What the routes share: the forum, settings, sessions, request checks, rate limits and the password pool. */
public final class Api implements AutoCloseable {
    private final PluginSettings settings;
    private final WebSessions sessions;
    private final RequestChecks checks;
    private final PasswordWork passwords;
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
        Ticker ticker = Ticker.systemTicker();
        PluginSettings.Limits limits = settings.limits();
        this.signInPerIp = new Throttle("sign-in-ip", limits.signInPerIp(), ticker);
        this.signInPerAccount = new Throttle("sign-in-account", limits.signInPerAccount(), ticker);
        this.registrationPerIp = new Throttle("registration-ip", limits.registrationPerIp(), ticker);
        this.postingPerMember = new Throttle("posting-member", limits.postingPerMember(), ticker);
        this.passwordResetPerIp = new Throttle("password-reset-ip", limits.passwordResetPerIp(), ticker);
        this.passwordResetPerAddress = new Throttle("password-reset-address", limits.passwordResetPerAddress(), ticker);
        this.emailVerificationPerMember = new Throttle("email-verification-member", limits.emailVerificationPerMember(), ticker);
        this.searchPerGuestIp = new Throttle("search-guest-ip", limits.searchPerGuestIp(), ticker);
        this.reportingPerMember = new Throttle("reporting-member", limits.reportingPerMember(), ticker);
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

    @Override
    public void close() {
        passwords.close();
    }
}
