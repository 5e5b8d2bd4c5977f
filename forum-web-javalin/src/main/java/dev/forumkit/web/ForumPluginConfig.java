package dev.forumkit.web;

import dev.forumkit.core.Forum;
import dev.forumkit.web.internal.PluginSettings;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of {@link ForumPlugin}, grouped the way Javalin groups its own:
 *
 * <pre>{@code
 * new ForumPlugin(c -> c
 *         .forum(forum)
 *         .basePath("/community")
 *         .sessions(s -> s.secureCookies(true))
 *         .limits(l -> l.postingPerMember(RateLimit.of(1, Duration.ofSeconds(10))))
 *         .admission(a -> a.maxConcurrentRequests(32).exempt("/health"))
 *         .security(s -> s.allowedOrigin("https://forum.example.org"))
 *         .passwords(p -> p.threads(2))
 *         .live(l -> l.maxConnections(2_000)));
 * }</pre>
 *
 * Only {@link #forum(Forum)} is required. The plugin reads the settings once, when it initialises; after that
 * they cannot be changed (every setter throws {@code IllegalStateException}).
 */
public final class ForumPluginConfig {
    private Forum forum;
    private String basePath = "";
    private Authenticator authenticator;
    private HostIdentity hostIdentity;
    private boolean frozen;
    private String publicUrl;
    private int sitemapUrlsPerFile = 50_000;
    private PageFrame pageFrame;
    private java.util.Locale defaultLocale = java.util.Locale.ENGLISH;
    private java.util.function.Function<io.javalin.http.Context, java.util.Locale> localeChooser;
    private final SessionsConfig sessions = new SessionsConfig(this);
    private final LimitsConfig limits = new LimitsConfig(this);
    private final AdmissionConfig admission = new AdmissionConfig(this);
    private final SecurityConfig security = new SecurityConfig(this);
    private final PasswordsConfig passwords = new PasswordsConfig(this);
    private final LiveConfig live = new LiveConfig(this);

    ForumPluginConfig() {
    }

    /** The forum to serve (required). The plugin does not close it. */
    public ForumPluginConfig forum(Forum value) {
        checkOpen();
        this.forum = Objects.requireNonNull(value, "forum");
        return this;
    }

    /** Where the forum lives in the host's URL space, e.g. {@code /community}; default the root. */
    public ForumPluginConfig basePath(String value) {
        checkOpen();
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

    /**
     * The forum's absolute address as people reach it, base path included (e.g. {@code https://example.org/community}):
     * feeds, sitemaps, robots.txt and canonical links start with it. Without it they use the request's scheme and
     * host (the forwarded ones behind a trusted proxy), which a shared cache may then keep for other hosts' requests.
     * Null, the default, means the request's.
     */
    public ForumPluginConfig publicUrl(String value) {
        checkOpen();
        if (value == null) {
            this.publicUrl = null;
            return this;
        }
        String url = value.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("the public URL is not a URL: " + value, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("the public URL must be http(s)://host[:port][/path], not " + value);
        }
        this.publicUrl = url;
        return this;
    }

    /** How many threads one sitemap file lists (1 to 50,000, the protocol's limit; the default). */
    public ForumPluginConfig sitemapUrlsPerFile(int value) {
        checkOpen();
        if (value < 1 || value > 50_000) {
            throw new IllegalArgumentException("a sitemap holds 1 to 50,000 addresses: " + value);
        }
        this.sitemapUrlsPerFile = value;
        return this;
    }

    /**
     * The language of the pages when neither the member's preference nor the browser's {@code Accept-Language}
     * names a supported one: {@code Locale.ENGLISH} (the default) or {@code Locale.JAPANESE}.
     */
    public ForumPluginConfig defaultLocale(java.util.Locale value) {
        checkOpen();
        java.util.Locale supported = dev.forumkit.web.internal.html.Texts.supported(Objects.requireNonNull(value, "defaultLocale"));
        if (supported == null) {
            throw new IllegalArgumentException("the forum speaks " + dev.forumkit.web.internal.html.Texts.SUPPORTED
                    + ", not " + value);
        }
        this.defaultLocale = supported;
        return this;
    }

    /**
     * The host's choice of language for a request (its own user's setting, its own language switch): asked first on
     * every page; null means no opinion, and an unsupported language is passed over. E.g.
     * {@code locale(ctx -> Locale.forLanguageTag(ctx.cookie("lang")))}.
     */
    public ForumPluginConfig locale(java.util.function.Function<io.javalin.http.Context, java.util.Locale> chooser) {
        checkOpen();
        this.localeChooser = Objects.requireNonNull(chooser, "chooser");
        return this;
    }

    /** The host's own notion of the signed-in member; when it answers empty, the forum's session cookie is used. */
    public ForumPluginConfig authenticator(Authenticator value) {
        checkOpen();
        this.authenticator = Objects.requireNonNull(value, "authenticator");
        return this;
    }

    /**
     * The host's page around every forum page (its header, footer and stylesheets; see {@link PageFrame}). Without
     * one, the default, the forum draws its own header, logo and footer. Its stylesheet or script on another origin
     * needs {@link SecurityConfig#contentSecuritySource(String, String)}.
     */
    public ForumPluginConfig pageFrame(PageFrame value) {
        checkOpen();
        this.pageFrame = Objects.requireNonNull(value, "pageFrame");
        return this;
    }

    /**
     * Host identity mode: the host signs people in, the forum provisions them as members and has no sign-in, sign-out,
     * registration or password pages of its own (see {@link HostIdentity}). Cannot be combined with
     * {@link #authenticator(Authenticator)}.
     */
    public ForumPluginConfig hostIdentity(HostIdentity value) {
        checkOpen();
        this.hostIdentity = Objects.requireNonNull(value, "hostIdentity");
        return this;
    }

    /** The session cookie and lifetime. */
    public ForumPluginConfig sessions(Consumer<SessionsConfig> configure) {
        checkOpen();
        configure.accept(sessions);
        return this;
    }

    /** Body size and rate limits. */
    public ForumPluginConfig limits(Consumer<LimitsConfig> configure) {
        checkOpen();
        configure.accept(limits);
        return this;
    }

    /** Admission control: how many requests are worked on and wait at once. */
    public ForumPluginConfig admission(Consumer<AdmissionConfig> configure) {
        checkOpen();
        configure.accept(admission);
        return this;
    }

    /** Reverse proxies, accepted origins and security headers. */
    public ForumPluginConfig security(Consumer<SecurityConfig> configure) {
        checkOpen();
        configure.accept(security);
        return this;
    }

    /** The pool that hashes passwords. */
    public ForumPluginConfig passwords(Consumer<PasswordsConfig> configure) {
        checkOpen();
        configure.accept(passwords);
        return this;
    }

    /** Live updates over Server-Sent Events: connections per node, heartbeat, idle timeout. */
    public ForumPluginConfig live(Consumer<LiveConfig> configure) {
        checkOpen();
        configure.accept(live);
        return this;
    }

    /** Every setter, of the groups too, calls this: the settings were read at start and stay as they were. */
    void checkOpen() {
        if (frozen) {
            throw new IllegalStateException("the forum plugin has started: its settings can no longer change");
        }
    }

    /** The settings as the plugin uses them from now on; the config refuses changes afterwards. */
    PluginSettings freeze() {
        if (forum == null) {
            throw new IllegalStateException("ForumPlugin needs a forum: new ForumPlugin(c -> c.forum(forum))");
        }
        if (hostIdentity != null && authenticator != null) {
            throw new IllegalStateException("set either hostIdentity or authenticator: host identity has its own sign-in");
        }
        frozen = true;
        return new PluginSettings(forum, basePath, authenticator, sessions.freeze(), limits.freeze(),
                admission.freeze(), security.freeze(), passwords.freeze(),
                new PluginSettings.Site(publicUrl, sitemapUrlsPerFile), pageFrame, hostIdentity,
                new PluginSettings.Language(defaultLocale, localeChooser), live.freeze());
    }
}
