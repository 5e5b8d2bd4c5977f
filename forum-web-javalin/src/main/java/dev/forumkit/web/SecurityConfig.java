package dev.forumkit.web;

import dev.forumkit.web.internal.ContentSecurityPolicy;
import dev.forumkit.web.internal.PluginSettings;
import dev.forumkit.web.internal.TrustedProxies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reverse proxies, accepted origins and security headers: {@code c.security(s -> s.trustForwardedHeaders(true))}.
 * The security headers go on the forum's responses only, never on a host's own routes (unless
 * {@link #headersEverywhere(boolean)}).
 */
public final class SecurityConfig {
    private final ForumPluginConfig owner;
    private boolean trustForwardedHeaders;
    private final List<String> trustedProxies = new ArrayList<>();
    private final List<String> allowedOrigins = new ArrayList<>();
    private boolean headersEverywhere;
    private final ContentSecurityPolicy policy = new ContentSecurityPolicy();

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

    /**
     * Trust {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} from these peers only: IP addresses or CIDR
     * ranges of the load balancers ({@code "10.0.0.0/8"}, {@code "::1"}). The client's address is then the right-most
     * address in {@code X-Forwarded-For} that is not a trusted proxy; a request from any other peer is taken as it
     * comes, whatever headers it sends. Safer than {@link #trustForwardedHeaders(boolean)}, which trusts every peer.
     *
     * @throws IllegalArgumentException for an entry that is not an IP address or CIDR range
     */
    public SecurityConfig trustedProxies(List<String> addressesOrRanges) {
        owner.checkOpen();
        TrustedProxies.of(addressesOrRanges); // a bad entry fails here, where the caller set it
        trustedProxies.addAll(addressesOrRanges);
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

    /**
     * Adds a source to the forum's Content-Security-Policy, for a host's page frame whose stylesheet, fonts or
     * script come from another origin: {@code s.contentSecuritySource("style-src", "https://static.example.org")}.
     * Directives: default-src, script-src, style-src, img-src, font-src, connect-src, media-src, frame-src and
     * form-action. Sources: an origin or host ({@code https://cdn.example.org}, {@code *.example.org}), a
     * {@code 'sha256-...'} hash, and outside script a scheme ({@code https:}) or, for style-src only,
     * {@code 'unsafe-inline'}. Script never runs inline, evaluated or from anywhere.
     *
     * @throws IllegalArgumentException for another directive or such a source, saying what is accepted
     */
    public SecurityConfig contentSecuritySource(String directive, String source) {
        owner.checkOpen();
        policy.add(directive, source);
        return this;
    }

    PluginSettings.Security freeze() {
        TrustedProxies proxies = trustForwardedHeaders ? TrustedProxies.ALL : TrustedProxies.of(trustedProxies);
        return new PluginSettings.Security(proxies, allowedOrigins, headersEverywhere, policy.value());
    }
}
