package dev.forumkit.web.internal;

import com.google.common.base.Ticker;
import dev.forumkit.core.Forum;
import dev.forumkit.web.ForumPluginConfig;

/** What the routes share: the forum, settings, sessions, request checks, rate limits and the password pool. */
public final class Api implements AutoCloseable {
    private final ForumPluginConfig config;
    private final WebSessions sessions;
    private final RequestChecks checks;
    private final PasswordWork passwords;
    final Throttle signInPerIp;
    final Throttle signInPerAccount;
    final Throttle registrationPerIp;
    final Throttle postingPerMember;

    public Api(ForumPluginConfig config) {
        this.config = config;
        this.sessions = new WebSessions(config);
        this.checks = new RequestChecks(config);
        this.passwords = new PasswordWork(config.passwordThreads(), config.passwordQueue(), config.passwordQueueTimeout(), System::nanoTime);
        Ticker ticker = Ticker.systemTicker();
        this.signInPerIp = new Throttle("sign-in-ip", config.signInLimitPerIp(), ticker);
        this.signInPerAccount = new Throttle("sign-in-account", config.signInLimitPerAccount(), ticker);
        this.registrationPerIp = new Throttle("registration-ip", config.registrationLimitPerIp(), ticker);
        this.postingPerMember = new Throttle("posting-member", config.postingLimitPerMember(), ticker);
    }

    public Forum forum() {
        return config.forum();
    }

    public ForumPluginConfig config() {
        return config;
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
