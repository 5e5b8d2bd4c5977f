package dev.forumkit.web.internal;

import dev.forumkit.core.Forum;
import dev.forumkit.web.Authenticator;
import dev.forumkit.web.PageFrame;
import dev.forumkit.web.RateLimit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The plugin's settings as frozen when it initialises: {@code ForumPluginConfig} is what a host writes, this is
 * what the routes read. Immutable, so nothing a host does to its config object after start reaches a request.
 * {@code pageFrame} is the host's page around the forum's pages, or null for the forum's own.
 */
public record PluginSettings(Forum forum, String basePath, Authenticator authenticator, Sessions sessions,
                             Limits limits, Admission admission, Security security, Passwords passwords,
                             Site site, PageFrame pageFrame, dev.forumkit.web.HostIdentity hostIdentity,
                             Language language, Live live) {
    public PluginSettings {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(forum, "forum");
        Objects.requireNonNull(basePath, "basePath");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(passwords, "passwords");
    }

    /** True when the host signs people in (see {@code ForumPluginConfig.hostIdentity}). */
    public boolean hostIdentityOn() {
        return hostIdentity != null;
    }

    /** Where the JSON API lives. */
    public String apiPrefix() {
        return basePath + "/api/v1";
    }

    /** The session cookie and how long a session lasts without use. */
    public record Sessions(boolean secureCookies, String cookieName, Duration lifetime) {
        public Sessions {
            Objects.requireNonNull(cookieName, "cookieName");
            Objects.requireNonNull(lifetime, "lifetime");
        }
    }

    /** The largest request body and the rate limits. */
    public record Limits(long bodyBytes, RateLimit signInPerIp, RateLimit signInPerAccount, RateLimit registrationPerIp,
                         RateLimit postingPerMember, RateLimit passwordResetPerIp, RateLimit passwordResetPerAddress,
                         RateLimit emailVerificationPerMember, RateLimit searchPerGuestIp,
                         RateLimit reportingPerMember) {
        public Limits {
            Objects.requireNonNull(emailVerificationPerMember, "emailVerificationPerMember");
            Objects.requireNonNull(searchPerGuestIp, "searchPerGuestIp");
            Objects.requireNonNull(passwordResetPerIp, "passwordResetPerIp");
            Objects.requireNonNull(passwordResetPerAddress, "passwordResetPerAddress");
            Objects.requireNonNull(signInPerIp, "signInPerIp");
            Objects.requireNonNull(signInPerAccount, "signInPerAccount");
            Objects.requireNonNull(registrationPerIp, "registrationPerIp");
            Objects.requireNonNull(postingPerMember, "postingPerMember");
            Objects.requireNonNull(reportingPerMember, "reportingPerMember");
        }
    }

    /** Live updates (Server-Sent Events); {@code on} false serves no stream. */
    public record Live(boolean on, int maxConnections, Duration heartbeat, Duration idleTimeout) {
        public Live {
            Objects.requireNonNull(heartbeat, "heartbeat");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            if (maxConnections < 1) {
                throw new IllegalArgumentException("live updates need at least one connection");
            }
        }
    }

    /** Admission control; {@code on} false lets every request in. */
    public record Admission(boolean on, int maxConcurrentRequests, int maxQueuedRequests, Duration queueTimeout,
                            Set<String> exempt) {
        public Admission {
            Objects.requireNonNull(queueTimeout, "queueTimeout");
            exempt = Set.copyOf(exempt);
        }
    }

    /**
     * Proxies, extra origins for the same-origin check, where the security headers go, and the
     * Content-Security-Policy they carry (the forum's own with the sources a host added).
     */
    public record Security(TrustedProxies proxies, List<String> allowedOrigins, boolean headersEverywhere,
                           String contentSecurityPolicy) {
        public Security {
            Objects.requireNonNull(proxies, "proxies");
            allowedOrigins = List.copyOf(allowedOrigins);
            Objects.requireNonNull(contentSecurityPolicy, "contentSecurityPolicy");
        }
    }

    /**
     * Feeds, sitemaps and canonical links: {@code publicUrl} is the forum's absolute address with its base path, no
     * trailing slash (null: the request's); a thread sitemap lists at most {@code sitemapUrlsPerFile} threads.
     */
    public record Site(String publicUrl, int sitemapUrlsPerFile) {
        public Site {
            if (sitemapUrlsPerFile < 1 || sitemapUrlsPerFile > 50_000) {
                throw new IllegalArgumentException("a sitemap holds 1 to 50,000 addresses: " + sitemapUrlsPerFile);
            }
        }
    }

    /**
     * The pages' language: the host's {@code chooser} first (null from it: no opinion), then the member's preference,
     * then the browser's {@code Accept-Language} among the supported languages, then {@code defaultLocale}.
     */
    public record Language(java.util.Locale defaultLocale,
                           java.util.function.Function<io.javalin.http.Context, java.util.Locale> chooser) {
        public Language {
            Objects.requireNonNull(defaultLocale, "defaultLocale");
        }
    }

    /** The password hashing pool. */
    public record Passwords(int threads, int queue, Duration queueTimeout) {
        public Passwords {
            Objects.requireNonNull(queueTimeout, "queueTimeout");
        }
    }
}
