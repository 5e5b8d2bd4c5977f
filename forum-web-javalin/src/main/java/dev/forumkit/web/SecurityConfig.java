package dev.forumkit.web;

import dev.forumkit.web.internal.PluginSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Reverse proxies, accepted origins and security headers: {@code c.security(s -> s.trustForwardedHeaders(true))}. */
public final class SecurityConfig {
    private final ForumPluginConfig owner;
    private boolean trustForwardedHeaders;
    private final List<String> allowedOrigins = new ArrayList<>();
    private boolean headersEverywhere;

    SecurityConfig(ForumPluginConfig owner) {
        this.owner = owner;
    }

    /**
     * Trust {@code X-Forwarded-For}, {@code X-Forwarded-Host} and {@code X-Forwarded-Proto}: only behind a reverse
     * proxy that sets them, or clients could pick their own IP address for the rate limits.
     */
    public SecurityConfig trustForwardedHeaders(boolean value) {
        owner.checkOpen();
        this.trustForwardedHeaders = value;
        return this;
    }

    /** An extra origin (e.g. {@code https://forum.example.org}) accepted by the same-origin check. */
    public SecurityConfig allowedOrigin(String origin) {
        owner.checkOpen();
        allowedOrigins.add(Objects.requireNonNull(origin, "origin").strip().toLowerCase(Locale.ROOT).replaceAll("/+$", ""));
        return this;
    }

    /** Adds the security headers to every response of the app, not only the forum's (the standalone app does). */
    public SecurityConfig headersEverywhere(boolean value) {
        owner.checkOpen();
        this.headersEverywhere = value;
        return this;
    }

    PluginSettings.Security freeze() {
        return new PluginSettings.Security(trustForwardedHeaders, allowedOrigins, headersEverywhere);
    }
}
