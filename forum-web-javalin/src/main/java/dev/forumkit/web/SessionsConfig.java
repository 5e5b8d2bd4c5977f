package dev.forumkit.web;

import dev.forumkit.web.internal.PluginSettings;

import java.time.Duration;
import java.util.Objects;

/** The session cookie: {@code c.sessions(s -> s.secureCookies(true).lifetime(Duration.ofDays(14)))}. */
public final class SessionsConfig {
    private final ForumPluginConfig owner;
    private boolean secureCookies;
    private String cookieName = "forumkit_session";
    private Duration lifetime = Duration.ofDays(30);

    SessionsConfig(ForumPluginConfig owner) {
        this.owner = owner;
    }

    /** Marks the session cookie {@code Secure}: set it whenever the forum is served over HTTPS. */
    public SessionsConfig secureCookies(boolean value) {
        owner.checkOpen();
        this.secureCookies = value;
        return this;
    }

    /** The cookie's name (default {@code forumkit_session}): 1-64 letters, digits, '_' or '-'. */
    public SessionsConfig cookieName(String value) {
        owner.checkOpen();
        if (value == null || !value.matches("[A-Za-z0-9_\\-]{1,64}")) {
            throw new IllegalArgumentException("cookie name must be 1-64 letters, digits, '_' or '-'");
        }
        this.cookieName = value;
        return this;
    }

    /** How long a session lasts (default 30 days); it slides forward once half of it is used. */
    public SessionsConfig lifetime(Duration value) {
        owner.checkOpen();
        if (Objects.requireNonNull(value, "lifetime").compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("sessions must last at least a minute");
        }
        this.lifetime = value;
        return this;
    }

    PluginSettings.Sessions freeze() {
        return new PluginSettings.Sessions(secureCookies, cookieName, lifetime);
    }
}
